package org.staffroom.decisions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
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

import com.microsoft.playwright.Page;

/** Making a secret ranked-choice proposal and voting on it through the pages, checked by axe and Nu. */
@IntegrationTest
class ProposalPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    final PageChecks.Visited visited = new PageChecks.Visited();

    @Test
    void aSecretRankedChoiceFromProposalToTheRoundByRoundCount() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Ballot ward " + UUID.randomUUID().toString().substring(0, 6));
        List<Person> members = List.of(fixtures.member(groupId, organiser), fixtures.member(groupId, organiser),
                fixtures.member(groupId, organiser));
        String proposals = Pages.base(port) + "/groups/" + groupId + "/proposals";

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(proposals);
        visited.check(page, "proposals");
        page.locator("main a.button").click();
        visited.check(page, "new proposal");
        page.locator("#title").fill("Which grievance first?");
        page.locator("#kind").selectOption("RANKED");
        page.locator("#options").fill("Caseloads\nMileage\nSupervision");
        page.locator("#closesAt")
                .fill(LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString().substring(0, 16));
        page.locator("#secret").check();
        page.locator("#resultsLive").check();
        page.locator("form[action$='/proposals'] .actions button").click();
        assertThat(page.locator("#resultsLive-error"))
                .containsText("A secret ballot cannot show results while voting is open");
        visited.check(page, "secret ballot with live results refused");
        page.locator("#resultsLive").uncheck();
        page.locator("form[action$='/proposals'] .actions button").click();
        assertThat(page.locator("h1")).hasText("Which grievance first?");
        assertThat(page.locator("main")).containsText("The proposal is open for votes");
        String url = page.url().replaceAll("\\?.*", "");

        List<List<String>> rankings = List.of(List.of("Caseloads", "Mileage"), List.of("Mileage", "Caseloads"),
                List.of("Supervision", "Mileage"));
        for (int i = 0; i < members.size(); i++) {
            Page voter = Pages.signedIn(port, members.get(i).email(), Fixtures.PASSWORD);
            voter.navigate(url);
            if (i == 0) {
                visited.check(voter, "ballot");
            }
            for (String option : rankings.get(i)) {
                voter.getByLabel("Add " + option + " to your order").click();
            }
            voter.locator("form[action*='/ballots'] .actions button").click();
            assertThat(voter.locator("main")).containsText("your vote is counted");
            assertThat(voter.url()).as("no tell-tale left in the history").doesNotContain("done");
            // the turnout never moves in the ballot's own request
            assertThat(voter.locator("main")).containsText("0 of " + (members.size() + 1) + " members have voted");
            if (i == 1) {
                assertThat(voter.locator("main")).containsText("fewer than three votes");
            }
            voter.navigate(url);
            assertThat(voter.locator("main")).containsText("You have voted");
            voter.context().close();
        }
        fixtures.mix();
        page.navigate(url);
        // released by the job once three are in
        assertThat(page.locator("main")).containsText("3 of " + (members.size() + 1) + " members have voted");
        // a secret ballot's result waits for the close
        assertThat(page.locator("main")).containsText("The result is shown when voting closes");
        page.locator("form[action$='/close'] summary").click();
        page.locator("form[action$='/close'] button").click();
        // round 1: Caseloads 1, Mileage 1, Supervision 1 -> all tied with no earlier round: a tie
        assertThat(page.locator("main")).containsText("A tie between Caseloads, Mileage, Supervision");
        assertThat(page.locator("main")).containsText("Counted in 1 round");
        assertThat(page.locator("ol.rounds li"))
                .hasText(new String[] {"Round 1: Caseloads 1, Mileage 1, Supervision 1"});
        visited.check(page, "result");
        visited.assertClean();
        page.context().close();
    }

}
