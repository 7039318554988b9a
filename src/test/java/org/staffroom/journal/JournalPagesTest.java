package org.staffroom.journal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Browser;
import org.staffroom.support.DatabaseDump;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;

/**
 * The journal in Chromium: encrypted and decrypted by the page's own script, so these tests are the only
 * ones that see an entry in plain words. Every word written here is made up, so finding any of them in
 * the database or the log can only mean the server was given it.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class JournalPagesTest {

    static final String PASSPHRASE = "copper kettle under the stairs";
    static final String WHAT = "Quillbrook zephyrined vantablue okramoth glinterly";
    static final String PLACE = "Frobisham wardlet";
    static final String ADDITION = "Snorvelled grimbleways";
    static final Pattern RECOVERY_CODE = Pattern.compile("[A-Z2-9]{5}(-[A-Z2-9]{5}){3}");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    final PageChecks.Visited visited = new PageChecks.Visited();

    String journal() {
        return Pages.base(port) + "/journal";
    }

    /** Starts a journal on this page; answers the recovery code shown once. */
    static String start(Page page, String passphrase) {
        page.locator("#create-passphrase").fill(passphrase);
        page.locator("#create-confirm").fill(passphrase);
        page.locator("#create-understood").check();
        page.locator("#create-form button[type=submit]").click();
        assertThat(page.locator("#recovery-code")).hasText(RECOVERY_CODE,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        String code = page.locator("#recovery-code").textContent();
        page.locator("#recovery-done").click();
        assertThat(page.locator("#entry-form")).isVisible();
        return code;
    }

    static void unlock(Page page, String passphrase) {
        page.locator("#unlock-passphrase").fill(passphrase);
        page.locator("#unlock-form button[type=submit]").click();
        assertThat(page.locator("#journal-open")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
    }

    static void write(Page page, String date, String place, String what, String tag) {
        page.locator("#entry-date").fill(date);
        page.locator("#entry-time").fill("14:30");
        page.locator("#entry-place").fill(place);
        page.locator("#entry-what").fill(what);
        page.locator("#tag-" + tag).check();
        page.locator("#entry-form button[type=submit]").click();
        assertThat(page.locator("#timeline")).containsText(what);
    }

    static Locator entry(Page page, String text) {
        return page.locator("#timeline > li").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void writesEditsLocksUnlocksPrintsBacksUpAndRestoresWithoutTheServerEverSeeingAWord(CapturedOutput output)
            throws Exception {
        Person writer = fixtures.person("writer");
        Page page = Pages.signedIn(port, writer.email(), Fixtures.PASSWORD);
        page.clock().install();
        page.navigate(journal());
        assertThat(page.locator("#journal-create")).isVisible();
        assertThat(page.locator("#journal-create")).containsText("your journal is lost for good");
        visited.check(page, "journal-create");
        page.locator("#create-passphrase").fill(PASSPHRASE);
        page.locator("#create-confirm").fill(PASSPHRASE);
        page.locator("#create-form button[type=submit]").click();
        assertThat(page.locator("#create-understood-error")).isVisible();
        String recoveryCode = start(page, PASSPHRASE);
        visited.check(page, "journal-open-empty");

        write(page, "2026-11-20", PLACE, WHAT, "bullying");
        write(page, "2026-10-02", "Car park", "An earlier and milder thing", "unsafeStaffing");
        assertThat(page.locator("#timeline > li").first()).containsText("Car park"); // in the order things happened
        entry(page, WHAT).locator("button", new Locator.LocatorOptions().setHasText("Change")).click();
        assertThat(page.locator("#entry-editing")).isVisible();
        page.locator("#entry-what").fill(WHAT + ". " + ADDITION);
        page.locator("#entry-form button[type=submit]").click();
        Locator edited = entry(page, ADDITION);
        assertThat(edited).containsText("version 2");
        edited.locator("summary").click();
        assertThat(edited.locator(".entry-versions")).containsText(WHAT);
        assertThat(edited.locator(".entry-versions")).not().containsText(ADDITION);
        visited.check(page, "journal-open");

        page.locator("#filter-tag").selectOption("unsafeStaffing");
        assertThat(page.locator("#timeline > li")).hasCount(1);
        page.locator("#filter-tag").selectOption("");
        page.locator("#filter-from").fill("2026-11-01");
        page.locator("#filter-from").dispatchEvent("change");
        assertThat(page.locator("#timeline > li")).hasCount(1);
        assertThat(page.locator("#timeline")).containsText(ADDITION);

        // the print view: the timeline alone, every version open, as Chromium's "Save as PDF" gives it
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("#entry-form")).isHidden();
        assertThat(page.locator(".site-nav")).isHidden();
        assertThat(page.locator("#timeline")).isVisible();
        assertThat(page.locator("#timeline-range")).isVisible();
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
        byte[] pdf = page.pdf();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(ADDITION, "Quillbrook", PLACE, "version 2", "Bullying");
            assertThat(text).doesNotContain("Car park", "Save entry", "Lock now");
        }
        page.locator("#filter-from").fill("");
        page.locator("#filter-from").dispatchEvent("change");

        Download backup = page.waitForDownload(() -> page.locator("#backup-button").click());
        String backupText = Files.readString(backup.path());
        assertThat(backupText).contains("staffroom-journal-backup").doesNotContain("Quillbrook");

        // the server never had a word of it: not in any table, not in the log
        List<String> words = List.of((WHAT + " " + PLACE + " " + ADDITION).toLowerCase(Locale.ROOT).split("[^a-z]+"));
        List<String> values = DatabaseDump.allValues(jdbc).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        for (String word : words) {
            assertThat(values).as("a table holding \"%s\"", word).noneMatch(value -> value.contains(word));
            assertThat(output.getAll().toLowerCase(Locale.ROOT)).as("the log").doesNotContain(word);
        }

        // keys and words live in the page's memory only: nothing in the browser's storage outlives the page
        assertThat(page.evaluate("() => localStorage.length + sessionStorage.length + document.cookie.length"))
                .isEqualTo(0);

        // locking drops the words from the page; a wrong passphrase says so and loses nothing
        page.locator("#lock-button").click();
        assertThat(page.locator("#journal-locked")).isVisible();
        assertThat(page.locator("main")).not().containsText("Quillbrook");
        page.locator("#unlock-passphrase").fill("not the passphrase at all");
        page.locator("#unlock-form button[type=submit]").click();
        assertThat(page.locator("#unlock-passphrase-error")).containsText("does not open this journal");
        visited.check(page, "journal-locked");
        unlock(page, PASSPHRASE);
        assertThat(page.locator("#timeline > li")).hasCount(2);
        assertThat(page.locator("#timeline")).containsText(ADDITION);

        // a few idle minutes lock it too
        page.clock().fastForward("06:00");
        assertThat(page.locator("#journal-locked")).isVisible();
        assertThat(page.locator("#timeline > li")).hasCount(0);

        // the recovery code opens it and sets a new passphrase; the passphrase can be changed again
        page.locator("#journal-locked summary").click();
        page.locator("#recover-code").fill(recoveryCode.toLowerCase(Locale.ROOT).replace("-", " "));
        page.locator("#recover-passphrase").fill("a second passphrase for now");
        page.locator("#recover-form button[type=submit]").click();
        assertThat(page.locator("#timeline")).containsText(ADDITION);
        page.locator("#passphrase-current").fill("a second passphrase for now");
        page.locator("#passphrase-new").fill("the third and final passphrase");
        page.locator("#passphrase-form button[type=submit]").click();
        assertThat(page.locator("#journal-status")).containsText("passphrase is changed");
        page.locator("#lock-button").click();
        unlock(page, "the third and final passphrase");
        assertThat(page.locator("#timeline > li")).hasCount(2);

        // the backup restored into another account's journal, after a wrong passphrase that restores nothing
        Person restorer = fixtures.person("restorer");
        Page other = Pages.signedIn(port, restorer.email(), Fixtures.PASSWORD);
        other.navigate(journal());
        start(other, "a different passphrase entirely");
        other.locator("#restore-file").setInputFiles(new com.microsoft.playwright.options.FilePayload("notes.json",
                "application/json", "{\"notes\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        other.locator("#restore-passphrase").fill("anything at all");
        other.locator("#restore-form button[type=submit]").click();
        assertThat(other.locator("#restore-error")).containsText("not a Staffroom journal backup");
        other.locator("#restore-file").setInputFiles(backup.path());
        other.locator("#restore-passphrase").fill("wrong backup passphrase");
        other.locator("#restore-form button[type=submit]").click();
        assertThat(other.locator("#restore-error")).containsText("does not open this journal");
        assertThat(other.locator("#timeline > li")).hasCount(0);
        other.locator("#restore-file").setInputFiles(backup.path());
        other.locator("#restore-passphrase").fill(PASSPHRASE);
        other.locator("#restore-form button[type=submit]").click();
        assertThat(other.locator("#journal-status")).containsText("2 entries restored");
        assertThat(entry(other, ADDITION)).containsText("Restored from a backup");
        assertThat(entry(other, ADDITION)).containsText("version 2");
        other.context().close();
        page.context().close();
        visited.assertClean();
    }

    @Test
    void aColleagueConfirmsAnEntryAndARepReadsSharedEntriesUntilTheyAreTakenBack() throws Exception {
        Person rep = fixtures.person("rep");
        UUID groupId = fixtures.group(rep, "Journal pages " + UUID.randomUUID().toString().substring(0, 6));
        Person author = fixtures.member(groupId, rep);
        Person colleague = fixtures.member(groupId, rep);
        Page repPage = Pages.signedIn(port, rep.email(), Fixtures.PASSWORD);
        repPage.navigate(journal());
        start(repPage, "the rep's own passphrase");
        repPage.locator("#receive-shares").check();
        assertThat(repPage.locator("#journal-status")).containsText("can now share entries with you");

        Page page = Pages.signedIn(port, author.email(), Fixtures.PASSWORD);
        page.navigate(journal());
        start(page, PASSPHRASE);
        write(page, "2026-11-21", "Handover room", "Blamed in front of the whole shift for the rota gaps", "bullying");
        page.locator("#timeline button", new Page.LocatorOptions().setHasText("Ask a witness")).click();
        assertThat(page.locator("#witness-place")).hasValue("Handover room");
        page.locator("#witness-summary").fill("The manager shouted at me at handover on the 21st.");
        page.locator("#witness-form button[type=submit]").click();
        assertThat(page.locator("#witness-link")).containsText("/journal/witness/");
        String link = page.locator("#witness-link").textContent();
        assertThat(link).contains("#");
        assertThat(page.locator("#timeline")).containsText("has not yet");
        visited.check(page, "journal-witness-link");

        // the colleague opens the link signed out, signs in, and comes back to it with its key
        Page witness = Browser.newContext().newPage();
        witness.navigate(link);
        witness.locator("#witness-sign-in a").click();
        witness.locator("input[name=email]").fill(colleague.email());
        witness.locator("input[name=password]").fill(Fixtures.PASSWORD);
        witness.locator("form[action$='/login'] button[type=submit]").click();
        assertThat(witness.locator("#witness-shown-summary"))
                .hasText("The manager shouted at me at handover on the 21st.");
        assertThat(witness.locator("#witness-from")).containsText(author.displayName());
        assertThat(witness.locator("main")).not().containsText("rota gaps");
        visited.check(witness, "journal-witness");
        witness.locator("#confirm-text").fill("I was there and heard it.");
        witness.locator("#confirm-form button[type=submit]").click();
        assertThat(witness.locator("#witness-done")).isVisible();
        witness.context().close();

        page.reload();
        unlock(page, PASSPHRASE);
        assertThat(page.locator("#timeline")).containsText("Confirmed by " + colleague.displayName());
        assertThat(page.locator("#timeline")).containsText("I was there and heard it.");

        // shared with the rep, sealed to the rep's key; taken back, gone
        page.locator("#timeline .share-pick").check();
        assertThat(page.locator("#share-rep option")).hasCount(1);
        page.locator("#share-form button[type=submit]").click();
        assertThat(page.locator("#journal-status")).containsText("Shared with " + rep.displayName());
        repPage.reload();
        unlock(repPage, "the rep's own passphrase");
        assertThat(repPage.locator("#received")).containsText("rota gaps");
        assertThat(repPage.locator("#received")).containsText(author.displayName());
        visited.check(repPage, "journal-received");

        page.locator("#share-list button").click();
        assertThat(page.locator("#journal-status")).containsText("Taken back");
        repPage.reload();
        unlock(repPage, "the rep's own passphrase");
        assertThat(repPage.locator("#received")).isHidden();
        assertThat(repPage.locator("main")).not().containsText("rota gaps");
        assertThat(jdbc.sql("select count(*) from journal_share where author_id = ?").param(author.id())
                .query(Integer.class).single()).isZero();
        page.context().close();
        repPage.context().close();
        visited.assertClean();
    }

    @Test
    void withoutJavaScriptThePageSaysWhyItNeedsIt() {
        Person writer = fixtures.person("writer");
        Page page = Pages.signedIn(port, writer.email(), Fixtures.PASSWORD);
        // the page as the server sends it, which is all a browser without JavaScript has
        String html = page.context().request().get(journal()).text();
        assertThat(html).contains("<noscript>", "This journal needs JavaScript")
                .containsPattern("<div id=\"journal-app\" hidden");
        page.context().close();
    }
}
