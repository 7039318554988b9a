package org.staffroom.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.concerns.ConcernDraft;
import org.staffroom.concerns.ConcernRaising;
import org.staffroom.concerns.Grievances;
import org.staffroom.decisions.Proposals;
import org.staffroom.directory.JoinRequests;
import org.staffroom.groups.GroupDetails;
import org.staffroom.groups.Groups;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.meetings.Meetings;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;
import org.staffroom.support.TestClock;
import org.staffroom.surveys.Scope;
import org.staffroom.surveys.Surveys;

import com.microsoft.playwright.Page;

/**
 * The group page and the home page lead with what the member has to do: the open ballot, the open survey, the
 * next meeting, their own overdue step, and for organisers the people asking to join. At phone width.
 */
@IntegrationTest
class NeedsDoingTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Proposals proposals;

    @Autowired
    Surveys surveys;

    @Autowired
    org.staffroom.surveys.SurveyQuestions surveyQuestions;

    @Autowired
    Meetings meetings;

    @Autowired
    ConcernRaising raising;

    @Autowired
    Grievances grievances;

    @Autowired
    AnonymousTags tags;

    @Autowired
    JoinRequests joinRequests;

    @Autowired
    Groups groups;

    @Autowired
    TestClock clock;

    @Test
    void theGroupPageAndTheHomePageLeadWithWhatNeedsDoing() throws Exception {
        Person organiser = fixtures.person("organiser");
        String name = "Needs ward " + UUID.randomUUID().toString().substring(0, 6);
        UUID groupId = fixtures.group(organiser, name);
        Person member = fixtures.member(groupId, organiser);
        LocalDate today = LocalDate.now();
        UUID proposalId = proposals.propose(organiser.id(), groupId, new Proposals.Draft("Refuse unpaid handovers", "",
                "YES_NO", "SIMPLE", null, 0, false, false, LocalDateTime.now().plusDays(7).withNano(0).toString(),
                List.of(), null));
        Scope scope = new Scope.Group(groupId);
        UUID surveyId = surveys.create(organiser.id(), scope, new Surveys.Draft("Staffing check", ""));
        surveyQuestions.addFromBank(organiser.id(), scope, surveyId, "stress");
        surveys.open(organiser.id(), scope, surveyId, today.plusDays(8).toString());
        meetings.schedule(organiser.id(), groupId, new Meetings.Draft("Branch meeting", today.plusDays(6).toString(),
                "18:00", "19:00", "Staff room", "", null, null, "Item", List.of()));
        UUID concernId = tags.actingAs(member.id(), Fixtures.PASSWORD, () -> raising.raise(member.id(), groupId,
                new ConcernDraft("Rota changes", "Details", "OTHER", "", false))).concernId();
        fixtures.release();
        UUID grievanceId = grievances.adopt(organiser.id(), groupId, concernId);
        grievances.addPlanItem(organiser.id(), groupId, grievanceId,
                new Grievances.NewPlanItem("Collect the rotas", member.id(), today.plusDays(1).toString()));
        joinRequests.submit(groupId, "Ola", "ola@example.org", "I work nights on ward 7");
        PageChecks.Visited visited = new PageChecks.Visited();

        clock.startAt(today.plusDays(3));
        try {
            Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
            page.navigate(Pages.base(port) + "/groups/" + groupId);
            // the first thing under the group's name
            assertThat(page.locator("main h2").first()).hasText("Needs doing");
            assertThat(page.locator(".to-do li")).hasCount(4);
            assertThat(page.locator(".to-do li").first()).hasClass(java.util.regex.Pattern.compile("overdue"));
            assertThat(page.locator(".to-do li").first()).containsText("Your action: Collect the rotas");
            assertThat(page.locator(".to-do")).containsText("Vote: Refuse unpaid handovers");
            assertThat(page.locator(".to-do")).containsText("Answer the survey: Staffing check");
            assertThat(page.locator(".to-do")).containsText("Next meeting: Branch meeting");
            assertThat(page.locator(".to-do")).not().containsText("asking to join");
            visited.check(page, "group page, needs doing");

            page.locator(".to-do a", new Page.LocatorOptions().setHasText("Vote: Refuse unpaid handovers")).click();
            page.locator("#answer-YES").check();
            page.locator("form[action*='/ballots'] .actions button").click();
            assertThat(page.locator("main")).containsText("your vote is counted");
            page.navigate(Pages.base(port) + "/");
            assertThat(page.locator(".card", new Page.LocatorOptions().setHasText(name)).locator(".to-do li"))
                    .hasCount(3);
            assertThat(page.locator("main")).not().containsText("Refuse unpaid handovers");
            visited.check(page, "home page, needs doing");
            page.context().close();

            Page organiserPage = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
            organiserPage.navigate(Pages.base(port) + "/groups/" + groupId);
            assertThat(organiserPage.locator(".to-do")).containsText("People asking to join: 1");
            assertThat(organiserPage.locator(".to-do")).not().containsText("Collect the rotas");

            // a group with a harmless name keeps what it is doing off the home page
            groups.update(organiser.id(), groupId, new GroupDetails(name, "Test Trust", "NHS_TRUST", "Nurses", "BS1",
                    "A group for tests", true, "Book club", false));
            organiserPage.navigate(Pages.base(port) + "/");
            assertThat(organiserPage.locator(".card", new Page.LocatorOptions().setHasText("Book club")))
                    .containsText("things need doing");
            assertThat(organiserPage.locator("main")).not().containsText("Refuse unpaid handovers");
            assertThat(organiserPage.locator("main")).not().containsText("asking to join");
            visited.check(organiserPage, "home page, discreet group");
            organiserPage.context().close();
        } finally {
            clock.reset();
        }
        visited.assertClean();
    }
}
