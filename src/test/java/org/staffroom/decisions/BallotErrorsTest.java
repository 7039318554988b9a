package org.staffroom.decisions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;

/**
 * A ballot that is refused comes back as the member left it, the reason beside it, and a ranked ballot is put in
 * order with buttons that send the form back to itself, so it works without JavaScript and never ranks an option
 * twice. In Chromium at phone width.
 */
@IntegrationTest
class BallotErrorsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Proposals proposals;

    @Autowired
    JdbcClient jdbc;

    final PageChecks.Visited visited = new PageChecks.Visited();

    private UUID propose(Person organiser, UUID groupId, String kind, Integer points, String... options) {
        return proposals.propose(organiser.id(), groupId,
                new Proposals.Draft(kind + " ballot", "", kind, "SIMPLE", points,
                        0, false, false, LocalDateTime.now().plusDays(2).withNano(0).toString(), List.of(options),
                        null));
    }

    private long ballots(UUID proposalId) {
        return jdbc.sql("select count(*) from decisions_ballot where proposal_id = ?").param(proposalId)
                .query(Long.class).single();
    }

    @Test
    void aRankedBallotIsOrderedByButtonsAndNeverHoldsAnOptionTwice() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Rank ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        UUID proposalId = propose(organiser, groupId, "RANKED", null, "Caseloads", "Mileage", "Supervision");
        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/proposals/" + proposalId);
        // said before voting, not after
        assertThat(page.locator("#vote")).containsText("a vote cannot be changed after you send it");
        visited.check(page, "ranked ballot, nothing ranked");

        // voting with nothing ranked: the reason beside the ballot, not a dead end
        page.locator("form[action*='/ballots'] .actions button").click();
        assertThat(page.locator("#ballot-error")).containsText("Add at least one option to your order");
        assertThat(page.locator("fieldset.ranking")).hasAttribute("aria-describedby", "ballot-error");

        page.getByLabel("Add Supervision to your order").click();
        page.getByLabel("Add Caseloads to your order").click();
        page.getByLabel("Add Mileage to your order").click();
        assertThat(page.locator("#ranking-order li .ranking-label"))
                .hasText(new String[] {"Supervision", "Caseloads", "Mileage"});
        // an option in the order cannot be added again
        assertThat(page.locator("#ranking-left")).hasCount(0);
        page.getByLabel("Move Caseloads up").click();
        page.getByLabel("Leave Mileage out of your order").click();
        assertThat(page.locator("#ranking-order li .ranking-label")).hasText(new String[] {"Caseloads", "Supervision"});
        assertThat(page.locator("#ranking-left li .ranking-label")).hasText(new String[] {"Mileage"});
        assertThat(page.getByLabel("Move Caseloads up")).isDisabled();
        visited.check(page, "ranked ballot, two ranked");
        assertThat(ballots(proposalId)).as("moving options casts nothing").isZero();

        page.locator("form[action*='/ballots'] .actions button").click();
        assertThat(page.locator("main")).containsText("your vote is counted");
        assertThat(jdbc.sql("select content from decisions_ballot where proposal_id = ?").param(proposalId)
                .query(String.class).single()).isEqualTo("0,2");
        page.context().close();
    }

    @Test
    void overspentPointsAndNothingTickedComeBackAsTypedWithTheReasonBesideThem() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Dots ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        UUID dots = propose(organiser, groupId, "DOTS", 5, "Breaks", "Parking", "Rota");
        UUID several = propose(organiser, groupId, "CHOOSE_SEVERAL", null, "Breaks", "Parking", "Rota");
        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);

        page.navigate(Pages.base(port) + "/groups/" + groupId + "/proposals/" + dots);
        page.locator("#points-0").fill("3");
        page.locator("#points-2").fill("4");
        page.locator("form[action*='/ballots'] .actions button").click();
        assertThat(page.locator("#ballot-error")).containsText("That is 7 points, and you have 5 to spread");
        assertThat(page.locator("#points-0")).hasValue("3");
        assertThat(page.locator("#points-1")).hasValue("0");
        assertThat(page.locator("#points-2")).hasValue("4");
        visited.check(page, "dot vote overspent");
        page.locator("#points-2").fill("2");
        page.locator("form[action*='/ballots'] .actions button").click();
        assertThat(page.locator("main")).containsText("your vote is counted");
        assertThat(ballots(dots)).isEqualTo(1);

        page.navigate(Pages.base(port) + "/groups/" + groupId + "/proposals/" + several);
        page.locator("form[action*='/ballots'] .actions button").click();
        assertThat(page.locator("#ballot-error")).hasText("Tick at least one option you support.");
        page.getByLabel("Parking").check();
        page.getByLabel("Rota").check();
        page.locator("form[action*='/ballots'] .actions button").click();
        assertThat(page.locator("main")).containsText("your vote is counted");
        assertThat(jdbc.sql("select content from decisions_ballot where proposal_id = ?").param(several)
                .query(String.class).single()).isEqualTo("1,2");
        visited.assertClean();
        page.context().close();
    }

    @Test
    void aRankedResultShowsEveryRound() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Rounds ward " + UUID.randomUUID().toString().substring(0, 6));
        UUID proposalId = proposals.propose(organiser.id(), groupId, new Proposals.Draft("Which first?", "", "RANKED",
                "SIMPLE", null, 0, false, true, LocalDateTime.now().plusDays(2).withNano(0).toString(),
                List.of("Caseloads", "Breaks", "Parking"), null));
        // round 1: Caseloads 2, Breaks 1, Parking 2, so Breaks goes out; round 2: its ballot goes to Caseloads
        List<List<Integer>> ballots = List.of(List.of(0, 1), List.of(0, 1), List.of(1, 0), List.of(2, 1),
                List.of(2, 1));
        for (List<Integer> ranking : ballots) {
            Person member = fixtures.member(groupId, organiser);
            proposals.vote(member.id(), groupId, proposalId, new Proposals.Ballot(null, ranking, null));
        }
        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/proposals/" + proposalId);
        assertThat(page.locator("main")).containsText("Chosen: Caseloads");
        assertThat(page.locator("main")).containsText("Counted in 2 rounds");
        assertThat(page.locator("ol.rounds li"))
                .hasText(new String[] {"Round 1: Caseloads 2, Breaks 1, Parking 2; out: Breaks",
                        "Round 2: Caseloads 3, Parking 2"});
        visited.check(page, "ranked result, two rounds");
        visited.assertClean();
        page.context().close();
    }

    @Test
    void aMadeUpRankingIsShownAsNothingRatherThanAFailure() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Odd ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        UUID proposalId = propose(organiser, groupId, "RANKED", null, "A", "B");
        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        String url = Pages.base(port) + "/groups/" + groupId + "/proposals/" + proposalId;
        page.navigate(url);
        // a hand-made form: an option twice, one that does not exist, a move past the end
        String csrf = page.locator("form[action*='/ballots'] input[name=_csrf]").inputValue();
        var response = page.request().post(url + "/ballots",
                com.microsoft.playwright.options.RequestOptions.create()
                        .setForm(com.microsoft.playwright.options.FormData.create().append("_csrf", csrf)
                                .append("ranked", "1").append("ranked", "1").append("ranked", "9")
                                .append("move", "add:7")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("ranking-order");
        var duplicate = page.request().post(url + "/ballots",
                com.microsoft.playwright.options.RequestOptions.create()
                        .setForm(com.microsoft.playwright.options.FormData.create().append("_csrf", csrf)
                                .append("ranked", "1").append("ranked", "1")));
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.text()).contains("Choose options from the list, each once");
        assertThat(ballots(proposalId)).isZero();
        page.context().close();
    }
}
