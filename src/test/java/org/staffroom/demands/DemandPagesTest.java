package org.staffroom.demands;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

/** A demand through the pages in Chromium, from draft to a win, with the letter downloaded and read. */
@IntegrationTest
class DemandPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    final PageChecks.Visited visited = new PageChecks.Visited();

    @Test
    void fromDraftThroughSupportAndEscalationToAWin() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Demand pages " + UUID.randomUUID().toString().substring(0, 6));
        Person open = fixtures.member(groupId, organiser);
        Person quiet = fixtures.member(groupId, organiser);
        String demands = Pages.base(port) + "/groups/" + groupId + "/demands";

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(demands);
        visited.check(page, "demands");
        page.locator("main a.button").click();
        visited.check(page, "draft");
        page.locator("#what").fill("Pay travel time between visits");
        page.locator("#reasons").fill("Up to two hours of driving a day is unpaid.");
        page.locator("#addressedTo").fill("The registered manager");
        page.locator("form[action$='/demands'] button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Pay travel time between visits");
        String url = page.url().replaceAll("\\?.*", "");

        for (Person member : List.of(open, quiet)) {
            Page memberPage = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
            memberPage.navigate(url);
            if (member == open) {
                memberPage.locator("#openly-named").check();
            }
            memberPage.locator("form[action$='/support'] button").click();
            assertThat(memberPage.locator("main")).containsText("your support is counted");
            memberPage.context().close();
        }
        page.navigate(url);
        // two are not a batch
        assertThat(page.locator("main")).containsText("Nobody supports it yet");
        fixtures.release();
        page.navigate(url);
        assertThat(page.locator("main")).containsText("2 members support it");
        assertThat(page.locator("main")).containsText("Signed openly by: " + open.displayName());
        assertThat(page.locator("main")).not().containsText(quiet.displayName());
        visited.check(page, "demand");

        for (String kind : List.of("SENT", "ESCALATED")) {
            page.locator("#timeline-heading ~ details summary").click();
            page.locator("#kind").selectOption(kind);
            page.locator("form[action$='/events'] button").click();
            assertThat(page.locator("main")).containsText("Recorded.");
        }
        assertThat(page.locator(".ladder li[aria-current=step]")).containsText("Meeting with management");
        page.locator("#timeline-heading ~ details summary").click();
        page.locator("#kind").selectOption("OUTCOME");
        page.locator("#outcome").selectOption("MET");
        page.locator("form[action$='/events'] button").click();
        assertThat(page.locator(".tag-row")).containsText("Won");

        Download letter = page.waitForDownload(() -> page.locator("a[href$='letter.pdf']").click());
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(letter.path()))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("2 members").contains(open.displayName()).doesNotContain(quiet.displayName());
        }
        page.navigate(demands);
        assertThat(page.locator("#wins-heading + ul")).containsText("Pay travel time between visits");
        visited.check(page, "demands with a win");
        visited.assertClean();
        page.context().close();
    }

    @Test
    void anOrganiserClosesAVoteEarlyRecordsItAsAMandateAndChangesTheLadder() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Mandate pages " + UUID.randomUUID().toString().substring(0, 6));
        Api api = new Api(port);
        String token = api.signIn(organiser);
        String base = "/api/v1/groups/" + groupId;
        String demandId = api.post(base + "/demands", token, Map.of("what", "No extra caseloads",
                "reasons", "We are full.", "addressedTo", "The team manager")).json().get("id").asString();
        String proposalId = api.post(base + "/proposals", token, Map.of("title", "Refuse extra caseloads together",
                "kind", "YES_NO", "closesAt", LocalDateTime.now().plusDays(1).withNano(0).toString()))
                .json().get("id").asString();

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        String groupPages = Pages.base(port) + "/groups/" + groupId;
        page.navigate(groupPages + "/proposals/" + proposalId);
        visited.check(page, "open proposal, organiser");
        page.locator("form[action$='/close'] summary").click();
        page.locator("form[action$='/close'] button").click();
        assertThat(page.locator("main")).containsText("Voting is closed");
        page.locator("a[href*='/demands/mandate']").click();
        visited.check(page, "mandate");
        page.locator("form[action$='/demands/mandate'] button").click();
        assertThat(page.locator("#demand-error")).isVisible();
        page.locator("label:has-text('No extra caseloads')").click();
        page.locator("#detail").fill("Say no as one");
        page.locator("form[action$='/demands/mandate'] button").click();
        assertThat(page.locator("#mandate-heading + ul")).containsText("Refuse extra caseloads together");
        assertThat(page.locator(".tag-row")).containsText("Agreed by the group");
        visited.check(page, "demand with a mandate");

        page.navigate(groupPages + "/demands");
        page.locator("a[href$='/demands/ladder']").click();
        page.locator("#steps").fill("Only one step");
        page.locator("form[action$='/ladder'] button").click();
        assertThat(page.locator("#steps-error")).isVisible();
        visited.check(page, "ladder with an error");
        page.locator("#steps").fill("Ask the manager\nAsk the director\nCall the union");
        page.locator("form[action$='/ladder'] button").click();
        assertThat(page.locator("main")).containsText("The ladder is saved");
        page.navigate(groupPages + "/demands/" + demandId);
        assertThat(page.locator(".ladder li")).hasCount(3);
        assertThat(page.locator("main")).containsText("Next step if there is no answer: Ask the director");
        visited.assertClean();
        page.context().close();
    }

}
