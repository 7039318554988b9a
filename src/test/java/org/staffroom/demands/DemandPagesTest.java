package org.staffroom.demands;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/** A demand through the pages in Chromium, from draft to a win, with the letter downloaded and read. */
@IntegrationTest
class DemandPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    final List<String> violations = new ArrayList<>();
    final List<String[]> html = new ArrayList<>();

    @Test
    void fromDraftThroughSupportAndEscalationToAWin() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Demand pages " + UUID.randomUUID().toString().substring(0, 6));
        Person open = fixtures.member(groupId, organiser);
        Person quiet = fixtures.member(groupId, organiser);
        String demands = Pages.base(port) + "/groups/" + groupId + "/demands";

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(demands);
        check(page, "demands");
        page.locator("main a.button").click();
        check(page, "draft");
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
                memberPage.locator("#openly").check();
            }
            memberPage.locator("form[action$='/support'] button").click();
            assertThat(memberPage.locator("main")).containsText("your support is counted");
            memberPage.context().close();
        }
        page.navigate(url);
        assertThat(page.locator("main")).containsText("2 members support it");
        assertThat(page.locator("main")).containsText("Signed openly by: " + open.displayName());
        assertThat(page.locator("main")).not().containsText(quiet.displayName());
        check(page, "demand");

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
        check(page, "demands with a win");
        assertThat(violations).isEmpty();
        assertThat(PageChecks.nuErrors(html)).isEmpty();
        page.context().close();
    }

    private void check(Page page, String name) {
        html.add(new String[] {name, page.content()});
        violations.addAll(PageChecks.axe(page));
    }
}
