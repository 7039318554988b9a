package org.staffroom.journal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.staffroom.journal.JournalPagesTest.PASSPHRASE;
import static org.staffroom.journal.JournalPagesTest.entry;
import static org.staffroom.journal.JournalPagesTest.start;
import static org.staffroom.journal.JournalPagesTest.unlock;
import static org.staffroom.journal.JournalPagesTest.write;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.DatabaseDump;
import org.staffroom.support.Fixtures;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A half-written entry and the journal's idle lock, in Chromium at phone width, with the page's clock
 * moved on by Playwright: the lock is announced a minute ahead, and what was being written is kept, as
 * ciphertext only, until the journal is unlocked again. The words are made up, so finding any of them
 * anywhere outside the unlocked form can only be a leak.
 */
@IntegrationTest
class JournalDraftTest {

    static final String DRAFT = "Plimsworth brandled trolleykin quernishly";
    static final String DRAFT_PLACE = "Wexcombe annexe";
    static final String DRAFT_KEY = "staffroom-journal-draft";

    /** The page's HTML, every field's value and both of the browser's storages for this site, as one text. */
    static final String EVERYTHING_THE_PAGE_HOLDS = """
            () => document.documentElement.outerHTML
                + [...document.querySelectorAll('input, textarea, select')].map(field => field.value).join(' ')
                + JSON.stringify(Object.assign({}, sessionStorage)) + JSON.stringify(Object.assign({}, localStorage))""";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    final PageChecks.Visited visited = new PageChecks.Visited();

    Page openJournal(String who) {
        Page page = Pages.signedIn(port, fixtures.person(who).email(), Fixtures.PASSWORD);
        page.clock().install();
        page.navigate(Pages.base(port) + "/journal");
        start(page, PASSPHRASE);
        return page;
    }

    @Test
    void theIdleLockWarnsFirstAndKeepsAHalfWrittenEntryLockedUntilTheJournalIsUnlocked() throws Exception {
        Page page = openJournal("drafter");
        page.locator("#entry-date").fill("2026-12-01");
        page.locator("#entry-place").fill(DRAFT_PLACE);
        page.locator("#entry-what").fill(DRAFT);
        page.locator("#tag-harassment").check();

        // a minute before the lock (5 idle minutes by default) it says so, and nothing is locked yet
        page.clock().fastForward("04:10");
        Locator warning = page.locator("#idle-warning");
        assertThat(warning).isVisible();
        assertThat(warning).containsText("will lock in 1 minute");
        assertThat(page.locator("#entry-what")).hasValue(DRAFT);
        visited.check(page, "journal-idle-warning");

        page.clock().fastForward("01:00");
        assertThat(page.locator("#journal-locked")).isVisible();
        assertThat(warning).isHidden();
        assertThat(page.locator("#journal-status")).containsText("entry you had not saved is kept");
        page.waitForFunction("key => sessionStorage.getItem(key) !== null", DRAFT_KEY);
        String held = (String) page.evaluate(EVERYTHING_THE_PAGE_HOLDS);
        List<String> words = List.of((DRAFT + " " + DRAFT_PLACE).toLowerCase(Locale.ROOT).split("[^a-z]+"));
        for (String word : words) {
            assertThat(held.toLowerCase(Locale.ROOT)).as("the locked page and storage").doesNotContain(word);
        }
        visited.check(page, "journal-locked-with-draft");

        unlock(page, PASSPHRASE);
        assertThat(page.locator("#journal-status")).containsText("Your unsaved entry is back");
        assertThat(page.locator("#entry-what")).hasValue(DRAFT);
        assertThat(page.locator("#entry-place")).hasValue(DRAFT_PLACE);
        assertThat(page.locator("#entry-date")).hasValue("2026-12-01");
        assertThat(page.locator("#tag-harassment")).isChecked();

        // it outlives a reload of the tab too, and goes once the entry is saved
        page.reload();
        unlock(page, PASSPHRASE);
        assertThat(page.locator("#entry-what")).hasValue(DRAFT);
        page.locator("#entry-form button[type=submit]").click();
        assertThat(page.locator("#timeline")).containsText(DRAFT);
        assertThat(page.evaluate("() => sessionStorage.length + localStorage.length")).isEqualTo(0);
        assertThat(page.locator("#entry-what")).hasValue("");

        // the draft never went to the server: the saved entry is ciphertext there like every other
        List<String> values = DatabaseDump.allValues(jdbc).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        for (String word : words) {
            assertThat(values).as("a table holding \"%s\"", word).noneMatch(value -> value.contains(word));
        }
        page.context().close();
        visited.assertClean();
    }

    @Test
    void stayOpenOrTypingPutsTheLockOffAndAnEditLockedMidwayComesBackAsThatEdit() {
        Page page = openJournal("stayer");
        write(page, "2026-12-02", "Sluice room", "Told to skip my break again", "unpaidWork");
        Locator warning = page.locator("#idle-warning");

        page.clock().fastForward("04:10");
        assertThat(warning).isVisible();
        warning.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Stay open")).click();
        assertThat(warning).isHidden();
        page.clock().fastForward("04:10");
        assertThat(page.locator("#journal-open")).isVisible();
        assertThat(warning).isVisible();
        // typing is use too
        page.locator("#entry-what").pressSequentially("Half");
        assertThat(warning).isHidden();
        page.clock().fastForward("01:00");
        assertThat(page.locator("#journal-open")).isVisible();
        // and so is scrolling with the wheel (or a finger): not the scroll event, which the page's own moves fire
        page.clock().fastForward("03:10");
        assertThat(warning).isVisible();
        page.mouse().move(20, 300);
        page.mouse().wheel(0, 200);
        assertThat(warning).isHidden();

        // "Lock now" in the middle of a change keeps the change, and brings it back as a change of that entry
        entry(page, "skip my break").locator("button", new Locator.LocatorOptions().setHasText("Change")).click();
        page.locator("#entry-what").fill("Told to skip my break again, and " + DRAFT);
        page.locator("#lock-button").click();
        assertThat(page.locator("#journal-locked")).isVisible();
        assertThat(page.locator("main")).not().containsText("skip my break");
        unlock(page, PASSPHRASE);
        assertThat(page.locator("#entry-editing")).isVisible();
        assertThat(page.locator("#entry-what")).hasValue("Told to skip my break again, and " + DRAFT);
        page.locator("#entry-form button[type=submit]").click();
        assertThat(entry(page, DRAFT)).containsText("version 2");
        assertThat(page.locator("#timeline > li")).hasCount(1);

        // a kept draft this journal's key cannot open is dropped without a fuss
        page.evaluate("key => sessionStorage.setItem(key, JSON.stringify({ iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' }))",
                DRAFT_KEY);
        page.locator("#lock-button").click();
        unlock(page, PASSPHRASE);
        assertThat(page.locator("#timeline > li")).hasCount(1);
        assertThat(page.locator("#entry-what")).hasValue("");
        assertThat(page.locator("#journal-status")).not().containsText("is back");
        page.waitForFunction("() => sessionStorage.length === 0");
        page.context().close();
    }
}
