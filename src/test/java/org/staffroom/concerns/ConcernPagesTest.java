package org.staffroom.concerns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

/** Raising, saving the receipt, coming back with it, co-signing and replying, in Chromium, checked by axe and Nu. */
@IntegrationTest
class ConcernPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    final PageChecks.Visited visited = new PageChecks.Visited();

    @Test
    void anAnonymousConcernFromRaisingToTheOrganisersReplyAndBack() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Pages ward " + UUID.randomUUID().toString().substring(0, 6));
        Person author = fixtures.member(groupId, organiser);
        Person colleague = fixtures.member(groupId, organiser);
        String concerns = Pages.base(port) + "/groups/" + groupId + "/concerns";

        Page page = Pages.signedIn(port, author.email(), Fixtures.PASSWORD);
        page.navigate(concerns);
        visited.check(page, "concern list");
        page.locator("main a.button").click();
        visited.check(page, "raise form");
        page.locator("#title").fill("   ");
        page.locator("#details").fill("Something");
        page.locator("#category").selectOption("OTHER");
        page.locator("form[action$='/concerns'] button[type=submit]").click();
        assertThat(page.locator("#title-error")).isVisible();
        visited.check(page, "raise form with errors");
        page.locator("#title").fill("Agency staff left alone on nights");
        page.locator("#details")
                .fill("Agency nurses are left in charge with no induction.\nIt happened 4 times in May.");
        page.locator("#category").selectOption("PATIENT_SAFETY");
        page.locator("#name-anonymous").check();
        page.locator("form[action$='/concerns'] button[type=submit]").click();

        String receipt = page.locator("#receipt").innerText().strip();
        assertThat(receipt).matches("([0-9A-Z]{4}-){5}[0-9A-Z]{4}");
        visited.check(page, "receipt");
        Download download = page
                .waitForDownload(() -> page.locator("form[action$='/receipt/download'] button").click());
        assertThat(Files.readString(download.path())).contains(receipt).contains("/receipt");
        page.locator("#lastFour").fill("ZZZZ".equals(receipt.substring(25)) ? "YYYY" : "ZZZZ");
        page.locator("form[action$='/receipt/confirm'] button").click();
        assertThat(page.locator("#lastFour-error")).isVisible();
        assertThat(page.locator("#receipt")).hasText(receipt);
        visited.check(page, "receipt not confirmed");
        page.locator("#lastFour").fill(receipt.substring(25).toLowerCase());
        page.locator("form[action$='/receipt/confirm'] button").click();
        assertThat(page.locator("h1")).hasText("Receipt saved");
        visited.check(page, "receipt saved");

        Page colleaguePage = Pages.signedIn(port, colleague.email(), Fixtures.PASSWORD);
        colleaguePage.navigate(concerns);
        // the group sees an anonymous concern when the job releases it
        assertThat(colleaguePage.locator("main")).not().containsText("Agency staff left alone on nights");
        fixtures.release();
        colleaguePage.reload();
        assertThat((String) colleaguePage
                .evaluate("getComputedStyle(document.querySelector('main ul li.card').parentElement).listStyleType"))
                .as("the list of concerns is styled as cards, without bullets").isEqualTo("none");
        colleaguePage.locator("text=Agency staff left alone on nights").click();
        assertThat(colleaguePage.locator("main")).containsText("Raised anonymously");
        assertThat(colleaguePage.locator("main")).not().containsText(author.displayName());
        visited.check(colleaguePage, "concern as a colleague");
        colleaguePage.locator("form[action$='/cosign'] button").click();
        assertThat(colleaguePage.locator("main")).containsText("Your co-signature is counted");
        assertThat(colleaguePage.locator("main")).containsText("You have co-signed this concern");
        colleaguePage.locator("#comment-text").fill("It happened on my ward too, twice last month.");
        colleaguePage.locator("#comment-anonymous").check();
        colleaguePage.locator("form[action$='/comments'] button").click();
        assertThat(colleaguePage.locator("main")).containsText("appears with the next batch");
        assertThat(colleaguePage.locator("main")).not().containsText("It happened on my ward too");
        fixtures.release();
        colleaguePage.reload();
        assertThat(colleaguePage.locator(".comments")).containsText("It happened on my ward too");
        assertThat(colleaguePage.locator(".comments")).containsText("Without a name");
        assertThat(colleaguePage.locator(".comments")).not().containsText(colleague.displayName());

        Page organiserPage = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        organiserPage.navigate(concerns);
        organiserPage.locator("text=Agency staff left alone on nights").click();
        visited.check(organiserPage, "concern as an organiser");
        // the colleague co-signed and commented without their name: not even an organiser sees who
        assertThat(organiserPage.locator("main")).not().containsText(colleague.displayName());
        organiserPage.locator(".comments form[action$='/hide'] button").click();
        assertThat(organiserPage.locator(".comments")).containsText("hidden by an organiser");
        colleaguePage.reload();
        assertThat(colleaguePage.locator(".comments")).not().containsText("It happened on my ward too");
        organiserPage.locator("#text").fill("Thank you for raising this. Which ward?");
        organiserPage.locator("form[action$='/messages'] button").click();
        assertThat(organiserPage.locator(".conversation")).containsText("Which ward?");

        Page visitor = Pages.visitor();
        visitor.navigate(Pages.base(port) + "/receipt");
        visited.check(visitor, "receipt form");
        visitor.locator("#receipt").fill("0000-0000-0000-0000-0000-0000");
        visitor.locator("form[action$='/receipt'] button").click();
        assertThat(visitor.locator("#receipt-error")).isVisible();
        visitor.locator("#receipt").fill(receipt.replace("-", " ").toLowerCase());
        visitor.locator("form[action$='/receipt'] button").click();
        assertThat(visitor.locator("main")).containsText("Agency staff left alone on nights");
        assertThat(visitor.locator(".conversation")).containsText("Which ward?");
        assertThat(visitor.url()).doesNotContain(receipt.substring(0, 4));
        visited.check(visitor, "private page");
        visitor.locator("#edit-heading + details summary").click();
        visitor.locator("#title").fill("   ");
        visitor.locator("form[action$='/receipt/edit'] button").click();
        assertThat(visitor.locator("#title-error")).isVisible();
        visited.check(visitor, "private page, edit with an error");
        visitor.locator("#title").fill("Agency staff alone on nights, with no induction");
        visitor.locator("form[action$='/receipt/edit'] button").click();
        assertThat(visitor.locator("main h2").first()).hasText("Agency staff alone on nights, with no induction");
        assertThat(visitor.locator("main")).containsText("The group sees it with the next batch");
        visitor.locator("#text").fill("Ward 7, weekends.");
        visitor.locator("form[action$='/receipt/messages'] button").click();
        assertThat(visitor.locator(".conversation")).containsText("Ward 7, weekends.");
        assertThat(visitor.locator(".conversation")).containsText("the organisers see it with the next batch");
        organiserPage.reload();
        assertThat(organiserPage.locator(".conversation")).not().containsText("Ward 7, weekends.");
        fixtures.release();
        organiserPage.reload();
        assertThat(organiserPage.locator(".conversation")).containsText("Ward 7, weekends.");
        visitor.locator("details.confirm summary").click();
        visitor.locator("form[action$='/receipt/withdraw'] button").click();
        assertThat(visitor.locator("main")).containsText("Withdrawn");
        assertThat(visitor.locator("main")).containsText("with the next batch");
        visited.check(visitor, "private page, withdrawal waiting");
        organiserPage.reload();
        assertThat(organiserPage.locator("main h1")).isVisible(); // the group sees it until the next release
        fixtures.release();
        organiserPage.reload();
        assertThat(organiserPage.locator("main")).containsText("404"); // a withdrawn concern is gone from the group
        visited.assertClean();
        for (Page p : List.of(page, colleaguePage, organiserPage, visitor)) {
            p.context().close();
        }
    }

    @Test
    void aMemberWhoSignedInWithoutThePasswordConfirmsItBeforeRaising() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Unlock ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        // as after a passkey sign-in: the session is there, the key to the signing secret is not
        page.context()
                .clearCookies(new com.microsoft.playwright.BrowserContext.ClearCookiesOptions().setName("SR_UNLOCK"));
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/concerns/new");
        assertThat(page.url()).contains("/account/unlock");
        visited.check(page, "unlock");
        page.locator("#password").fill("not the password at all");
        page.locator("form[action$='/account/unlock'] button").click();
        assertThat(page.locator("#password-error")).isVisible();
        page.locator("#password").fill(Fixtures.PASSWORD);
        page.locator("form[action$='/account/unlock'] button").click();
        assertThat(page.url()).endsWith("/groups/" + groupId + "/concerns/new");
        visited.assertClean();
        page.context().close();
    }

}
