package org.staffroom.meetings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;
import org.staffroom.support.TestClock;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;

/**
 * Meetings tied to the rest of the group's work: rotating roles, agenda items that link to concerns and
 * demands, attendance by name where the group chooses it, the momentum figures month by month, and wins on
 * the group's page.
 */
@IntegrationTest
class GroupWorkTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    final PageChecks.Visited visited = new PageChecks.Visited();

    record Team(UUID groupId, Person organiser, Person first, Person second, String g) {
    }

    Team team(String name) {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, name + " " + UUID.randomUUID().toString().substring(0, 6));
        return new Team(groupId, organiser, fixtures.member(groupId, organiser), fixtures.member(groupId, organiser),
                "/api/v1/groups/" + groupId);
    }

    static Map<String, Object> meeting(LocalDate date, Object... extra) {
        Map<String, Object> draft = new HashMap<>(MeetingsTest.draft("Team meeting"));
        draft.put("date", date.toString());
        for (int i = 0; i < extra.length; i += 2) {
            draft.put((String) extra[i], extra[i + 1]);
        }
        return draft;
    }

    static Map<String, Object> concern(String title) {
        return Map.of("title", title, "details", "It keeps happening.", "category", "STAFFING_AND_WORKLOAD",
                "affected", "", "anonymous", false);
    }

    @Test
    void rolesRotateAgendaItemsLinkToTheGroupsWorkAndAttendanceCanBeTakenByName() {
        Api api = new Api(port);
        Team t = team("Rota ward");
        String organiser = api.signIn(t.organiser());
        api.post(t.g() + "/meetings", organiser, meeting(clock.today().minusDays(7), "facilitatorId", t.first().id(),
                "noteTakerId", t.second().id()));
        JsonNode suggested = api.get(t.g() + "/meetings/suggested-roles", organiser).json();
        assertThat(suggested.get("facilitatorId").asString())
                .as("nobody else has facilitated; the organiser has held no role")
                .isEqualTo(t.organiser().id().toString());
        assertThat(suggested.get("noteTakerId").asString()).as("the first member has not taken notes")
                .isEqualTo(t.first().id().toString());

        String concernId = api.post(t.g() + "/concerns", api.signIn(t.first()), concern("Handovers are unpaid"))
                .json().get("id").asString();
        String demandId = api.post(t.g() + "/demands", organiser,
                Map.of("what", "Pay handovers", "reasons", "Fifteen minutes a shift.",
                        "addressedTo", "The ward manager"))
                .json().get("id").asString();
        assertThat(api.post(t.g() + "/meetings", organiser, meeting(clock.today().plusDays(3), "linked",
                List.of(UUID.randomUUID().toString()))).status()).as("only the group's open work").isEqualTo(400);
        JsonNode agenda = api
                .post(t.g() + "/meetings", organiser, meeting(clock.today().plusDays(3), "agenda", "Check-in",
                        "linked", List.of(concernId, demandId)))
                .json().get("agenda");
        assertThat(agenda.valueStream().map(item -> item.get("text").asString()))
                .containsExactly("Check-in", "Handovers are unpaid", "Pay handovers");
        assertThat(agenda.get(1).get("path").asString()).endsWith("/concerns/" + concernId);
        assertThat(agenda.get(2).get("path").asString()).endsWith("/demands/" + demandId);
        Team other = team("Other ward");
        String othersConcern = api.post(other.g() + "/concerns", api.signIn(other.first()), concern("Not yours"))
                .json().get("id").asString();
        assertThat(api.post(t.g() + "/meetings", organiser, meeting(clock.today().plusDays(3), "linked",
                List.of(othersConcern))).status()).as("another group's concern").isEqualTo(400);

        String past = api.post(t.g() + "/meetings", organiser, meeting(clock.today().minusDays(1))).json().get("id")
                .asString();
        String attendance = t.g() + "/meetings/" + past + "/attendance";
        Map<String, Object> present = Map.of("present", List.of(t.first().id().toString(), t.second().id().toString()));
        assertThat(api.post(attendance, organiser, present).status()).as("the group counts only").isEqualTo(409);
        assertThat(
                api.put(t.g() + "/meeting-settings", api.signIn(t.first()), Map.of("attendanceByName", true)).status())
                .isEqualTo(403);
        assertThat(api.put(t.g() + "/meeting-settings", organiser, Map.of("attendanceByName", true)).json()
                .get("attendanceByName").asBoolean()).isTrue();
        Map<String, Object> proposal = new HashMap<>(Map.of("title", "Take it to the union", "kind", "YES_NO",
                "closesAt", java.time.LocalDateTime.now(clock).plusDays(1).withNano(0).toString(), "meetingId", past));
        assertThat(api.post(t.g() + "/proposals", organiser, proposal).json().get("meetingTitle").asString())
                .isEqualTo("Team meeting");
        proposal.put("meetingId", api.post(other.g() + "/meetings", api.signIn(other.organiser()),
                meeting(clock.today())).json().get("id").asString());
        assertThat(api.post(t.g() + "/proposals", organiser, proposal).status()).as("another group's meeting")
                .isEqualTo(400);
        JsonNode recorded = api.post(attendance, organiser, present).json();
        assertThat(recorded.get("attended").asInt()).isEqualTo(2);
        assertThat(recorded.get("attendees").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(t.first().displayName(), t.second().displayName());
        assertThat(api.post(attendance, organiser, Map.of("present", List.of(other.first().id().toString()))).status())
                .as("members of the group only").isEqualTo(400);
        assertThat(api.get(t.g() + "/meetings/" + past, api.signIn(t.second())).json().get("attended").asInt())
                .as("nothing half-saved").isEqualTo(2);
    }

    @Test
    void momentumCountsActiveMembersConcernsActionsOnTimeAndDemandsWonAndTheGroupPageShowsWins() throws Exception {
        // yesterday's action and today's fall in the same month
        momentumOn(LocalDate.of(2026, 6, 17), "1 of 2");
    }

    @Test
    void onTheFirstOfAMonthYesterdaysActionCountsInTheMonthBefore() throws Exception {
        // actions count in the month they fall due: on the first of a month, yesterday's is last month's
        momentumOn(LocalDate.of(2026, 7, 1), "0 of 1", "1 of 1");
    }

    private void momentumOn(LocalDate day, String... actionsOnTimeShown) throws Exception {
        clock.startAt(day);
        try {
            momentum(actionsOnTimeShown);
        } finally {
            clock.reset();
        }
    }

    private void momentum(String... actionsOnTimeShown) throws Exception {
        Api api = new Api(port);
        Team t = team("Momentum figures");
        String organiser = api.signIn(t.organiser());
        String first = api.signIn(t.first());
        LocalDate today = clock.today();
        String meetingId = api.post(t.g() + "/meetings", organiser, meeting(today.minusDays(1))).json()
                .get("id").asString();
        // they answered the day before, while the meeting was still to come: once it has ended it takes no answers
        clock.startAt(today.minusDays(1));
        api.post(t.g() + "/meetings/" + meetingId + "/answer", first, Map.of("answer", "YES")).ok();
        api.post(t.g() + "/meetings/" + meetingId + "/answer", api.signIn(t.second()), Map.of("answer", "NO")).ok();
        clock.startAt(today);
        api.post(t.g() + "/concerns", first, concern("Breaks are skipped"));
        api.post(t.g() + "/concerns", first, concern("The hoist is broken"));
        String late = api.post(t.g() + "/meetings/" + meetingId + "/actions", organiser, Map.of("what", "Late",
                "dueOn", clock.today().minusDays(1).toString())).json().get("actions").get(0).get("id").asString();
        JsonNode actions = api.post(t.g() + "/meetings/" + meetingId + "/actions", organiser, Map.of("what", "On time",
                "dueOn", clock.today().toString())).json().get("actions");
        String onTime = actions.valueStream().filter(a -> a.get("what").asString().equals("On time")).findFirst()
                .orElseThrow().get("id").asString();
        for (String action : List.of(late, onTime)) {
            api.post(t.g() + "/actions/" + action, organiser, Map.of("done", true));
        }
        String demand = t.g() + "/demands/" + api.post(t.g() + "/demands", organiser, Map.of("what", "Fix the hoist",
                "reasons", "People lift by hand.", "addressedTo", "Estates")).json().get("id").asString();
        api.post(demand + "/events", organiser, Map.of("kind", "OUTCOME", "outcome", "MET"));

        JsonNode monthly = api.get(t.g() + "/momentum", first).json().get("monthly");
        Map<String, int[]> totals = new java.util.LinkedHashMap<>();
        monthly.valueStream().forEach(series -> totals.put(series.get("label").asString(), new int[] {
                series.get("months").valueStream().mapToInt(m -> m.get("count").asInt()).sum(),
                series.get("months").valueStream().mapToInt(m -> m.get("outOf").isNull() ? 0 : m.get("outOf").asInt())
                        .sum(),
                series.get("months").size()}));
        assertThat(totals.keySet()).containsExactly("momentum.activeMembers", "momentum.actionsOnTime",
                "momentum.concernsRaised", "momentum.demandsWon");
        assertThat(totals.get("momentum.activeMembers")[0]).as("said yes; saying no is not activity").isEqualTo(1);
        assertThat(totals.get("momentum.concernsRaised")[0]).isEqualTo(2);
        assertThat(totals.get("momentum.actionsOnTime")).as("one of two on time, over six months")
                .containsExactly(1, 2, 6);
        assertThat(totals.get("momentum.demandsWon")[0]).isEqualTo(1);

        Page page = Pages.signedIn(port, t.first().email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + t.groupId());
        assertThat(page.locator("#wins-heading + p + ul")).containsText("Fix the hoist");
        visited.check(page, "group page with a win");
        page.navigate(Pages.base(port) + "/groups/" + t.groupId() + "/momentum");
        assertThat(page.locator("#monthly-heading ~ div h3")).hasCount(4);
        for (String shown : actionsOnTimeShown) {
            assertThat(page.locator("main")).containsText(shown);
        }
        visited.check(page, "momentum month by month");
        visited.assertClean();
        page.context().close();
    }

    @Test
    void onThePagesAnOrganiserTakesNamedAttendanceAndPutsTheGroupsWorkOnTheAgenda() throws Exception {
        Api api = new Api(port);
        Team t = team("Agenda pages");
        String organiser = api.signIn(t.organiser());
        String demandId = api.post(t.g() + "/demands", organiser, Map.of("what", "Safe staffing on nights",
                "reasons", "Two nurses for 28 patients.", "addressedTo", "The matron")).json().get("id").asString();
        String past = api.post(t.g() + "/meetings", organiser, meeting(clock.today().minusDays(2), "facilitatorId",
                t.organiser().id())).json().get("id").asString();
        String meetings = Pages.base(port) + "/groups/" + t.groupId() + "/meetings";

        Page page = Pages.signedIn(port, t.organiser().email(), Fixtures.PASSWORD);
        page.navigate(meetings);
        page.locator("a[href$='/meetings/settings']").click();
        visited.check(page, "meeting settings");
        page.locator("#attendanceByName").check();
        page.locator("form[action$='/meetings/settings'] button").click();
        assertThat(page.locator("main")).containsText("this is how the group runs its meetings now");

        page.navigate(meetings + "/" + past);
        page.locator("label:has-text('" + t.first().displayName() + "')").click();
        page.locator("form[action$='/attendance'] button").click();
        assertThat(page.locator("main")).containsText("Present: " + t.first().displayName());
        visited.check(page, "meeting with named attendance");

        page.navigate(meetings + "/new");
        assertThat(page.locator("#facilitatorId")).not().hasValue(t.organiser().id().toString());
        assertThat(page.locator("#facilitator-hint")).isVisible();
        visited.check(page, "schedule with suggestions and links");
        page.locator("#title").fill("Nights campaign");
        page.locator("#date").fill(clock.today().plusDays(4).toString());
        page.locator("label:has-text('Safe staffing on nights')").click();
        page.locator("form[action$='/meetings'] button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Nights campaign");
        String meetingPage = page.url().replaceAll("\\?.*", "");
        page.locator("a[href*='/proposals/new?meeting=']").click();
        assertThat(page.locator("main")).containsText("Made at the meeting: Nights campaign");
        visited.check(page, "proposal at a meeting");
        page.locator("#title").fill("Refuse to cover nights alone");
        page.locator("#closesAt")
                .fill(java.time.LocalDateTime.now(clock).plusDays(2).withSecond(0).withNano(0).toString()
                        .substring(0, 16));
        page.locator("form[action$='/proposals'] .actions button").click();
        page.locator("a:has-text('Nights campaign')").click();
        assertThat(page).hasURL(meetingPage);
        page.locator("#agenda-heading + ol a").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/demands/" + demandId + "$"));
        visited.assertClean();
        page.context().close();
    }

}
