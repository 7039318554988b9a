package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.concerns.Comments;
import org.staffroom.concerns.ConcernDraft;
import org.staffroom.concerns.Concerns;
import org.staffroom.concerns.Grievances;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

/**
 * Every id-bearing route, tried by each kind of person: nobody signed in, someone outside the group, a
 * member, an organiser, and an instance administrator who is not in the group. Groups stay invisible (404)
 * to outsiders; organiser-only routes are 403 for members; administration is for administrators.
 */
@IntegrationTest
class AccessMatrixTest {

    enum Who { ANONYMOUS, OUTSIDER, MEMBER, ORGANISER, ADMINISTRATOR }

    record Route(String method, String path, Map<String, ?> form, int... expected) {
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Concerns concerns;

    @Autowired
    Grievances grievances;

    @Autowired
    Comments comments;

    @Autowired
    AnonymousTags tags;

    @Autowired
    org.staffroom.meetings.Meetings meetings;

    UUID meetingId;

    @Autowired
    org.staffroom.decisions.Proposals proposals;

    UUID proposalId;
    UUID closedProposalId;

    @Autowired
    org.staffroom.demands.Demands demands;

    UUID demandId;

    @Autowired
    org.staffroom.surveys.Surveys surveys;

    UUID surveyId;

    UUID groupId;
    UUID bystanderId;
    UUID concernId;
    UUID grievanceId;
    UUID commentId;
    Map<Who, Person> people;
    Map<Who, WebSession> sessions;

    @BeforeEach
    void setUp() {
        Person organiser = fixtures.person("organiser");
        groupId = fixtures.hiddenGroup(organiser, "Matrix group");
        people = new EnumMap<>(Who.class);
        people.put(Who.OUTSIDER, fixtures.person("outsider"));
        people.put(Who.MEMBER, fixtures.member(groupId, organiser));
        people.put(Who.ORGANISER, organiser);
        people.put(Who.ADMINISTRATOR, fixtures.administrator());
        Person bystander = fixtures.member(groupId, organiser);
        bystanderId = bystander.id();
        // the bystander raises them, so that the member in the matrix is neither author nor organiser
        concernId = tags.actingAs(bystanderId, Fixtures.PASSWORD, () -> concerns.raise(bystanderId, groupId,
                new ConcernDraft("Matrix concern", "Details", "OTHER", "", true))).concernId();
        UUID adopted = tags.actingAs(bystanderId, Fixtures.PASSWORD, () -> concerns.raise(bystanderId, groupId,
                new ConcernDraft("Adopted concern", "Details", "OTHER", "", false))).concernId();
        grievanceId = grievances.adopt(organiser.id(), groupId, adopted);
        commentId = comments.add(bystanderId, groupId, Comments.On.CONCERN, concernId, "A comment", true);
        meetingId = meetings.schedule(organiser.id(), groupId, new org.staffroom.meetings.Meetings.Draft("Matrix meeting",
                java.time.LocalDate.now().plusDays(3).toString(), "18:00", "19:00", "", "", null, null, "Item", List.of()));
        proposalId = proposals.propose(organiser.id(), groupId, new org.staffroom.decisions.Proposals.Draft("Matrix vote",
                "", "YES_NO", "SIMPLE", null, 0, false, true, java.time.LocalDateTime.now().plusDays(2).withNano(0).toString(),
                List.of(), null));
        closedProposalId = proposals.propose(organiser.id(), groupId, new org.staffroom.decisions.Proposals.Draft(
                "Matrix decision", "", "YES_NO", "SIMPLE", null, 0, false, true,
                java.time.LocalDateTime.now().plusDays(2).withNano(0).toString(), List.of(), null));
        proposals.close(organiser.id(), groupId, closedProposalId);
        demandId = demands.draft(organiser.id(), groupId, new org.staffroom.demands.Demands.Draft("Matrix demand",
                "Reasons", "The manager", null, null));
        org.staffroom.surveys.Scope scope = new org.staffroom.surveys.Scope.Group(groupId);
        surveyId = surveys.create(organiser.id(), scope, new org.staffroom.surveys.Surveys.Draft("Matrix survey", ""));
        surveys.addFromBank(organiser.id(), scope, surveyId, "stress");
        surveys.open(organiser.id(), scope, surveyId, java.time.LocalDate.now().plusDays(3).toString());
        sessions = new EnumMap<>(Who.class);
        sessions.put(Who.ANONYMOUS, new WebSession(port));
        for (Who who : List.of(Who.OUTSIDER, Who.MEMBER, Who.ORGANISER, Who.ADMINISTRATOR)) {
            sessions.put(who, WebSession.signedIn(port, people.get(who).email(), Fixtures.PASSWORD));
        }
    }

    //                                        anonymous outsider member organiser administrator
    List<Route> pageRoutes() {
        String g = "/groups/" + groupId;
        Map<String, String> settings = Map.of("name", "Matrix group", "sector", "NHS_TRUST");
        return List.of(
                new Route("GET", g, Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/settings", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/settings", settings, 302, 404, 403, 302, 404),
                new Route("GET", g + "/members", Map.of(), 302, 404, 403, 200, 404),
                new Route("GET", g + "/invitations", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/invitations", Map.of("validDays", "7", "maxUses", "1"), 302, 404, 403, 200, 404),
                new Route("GET", g + "/join-requests", Map.of(), 302, 404, 403, 200, 404),
                new Route("GET", g + "/audit", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/members/" + bystanderId + "/role", Map.of("role", "ORGANISER"), 302, 404, 403, 302, 404),
                new Route("POST", g + "/members/" + bystanderId + "/remove", Map.of(), 302, 404, 403, 302, 404),
                new Route("GET", g + "/concerns", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/concerns/new", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/concerns/" + concernId, Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/concerns/" + concernId + "/messages", Map.of("text", "Hello"), 302, 404, 403, 302, 404),
                new Route("POST", g + "/concerns/" + concernId + "/comments", Map.of("text", "Me too"), 302, 404, 302, 302, 404),
                new Route("POST", g + "/concerns/" + concernId + "/withdraw", Map.of(), 302, 404, 403, 403, 404),
                new Route("GET", g + "/concerns/" + concernId + "/edit", Map.of(), 302, 404, 403, 403, 404),
                new Route("GET", g + "/concerns/settings", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/concerns/settings", Map.of("threshold", "3", "retentionMonths", "12"), 302, 404, 403, 302, 404),
                new Route("POST", g + "/comments/" + commentId + "/hide", Map.of("hidden", "false"), 302, 404, 403, 302, 404),
                new Route("GET", g + "/grievances", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/grievances/" + grievanceId, Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/grievances/" + grievanceId + "/plan", Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/problem", Map.of("what", "Wrong"), 302, 404, 403, 302, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/status", Map.of("status", "OPEN"), 302, 404, 403, 302, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/plan", Map.of("what", "Step"), 302, 404, 403, 302, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/information", Map.of("kind", "FACT", "text", "A fact"), 302, 404, 302, 302, 404),
                new Route("GET", g + "/meetings", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/meetings/new", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/meetings", Map.of("title", "M", "date", "2030-01-01", "startTime", "18:00", "endTime", "19:00"), 302, 404, 403, 302, 404),
                new Route("GET", g + "/meetings/" + meetingId, Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/meetings/" + meetingId + ".ics", Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/answer", Map.of("answer", "YES"), 302, 404, 302, 302, 404),
                new Route("GET", "/account/calendar", Map.of(), 302, 200, 200, 200, 200),
                new Route("GET", g + "/meetings/" + meetingId + "/queue", Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue", Map.of(), 302, 404, 302, 302, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue/next", Map.of(), 302, 404, 403, 302, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/minutes", Map.of("text", "Minutes"), 302, 404, 403, 302, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/actions", Map.of("what", "Act"), 302, 404, 403, 302, 404),
                new Route("GET", g + "/momentum", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/meetings/settings", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/meetings/settings", Map.of("attendanceByName", "true"), 302, 404, 403, 302, 404),
                new Route("GET", g + "/proposals", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/proposals/new", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/proposals/" + proposalId, Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/proposals/" + proposalId + "/ballots", Map.of("answer", "YES"), 302, 404, 302, 302, 404),
                new Route("POST", g + "/proposals/" + proposalId + "/close", Map.of(), 302, 404, 403, 302, 404),
                new Route("GET", g + "/demands/ladder", Map.of(), 302, 404, 403, 200, 404),
                new Route("GET", g + "/surveys", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/surveys/new", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/surveys", Map.of("title", "S"), 302, 404, 403, 302, 404),
                new Route("GET", g + "/surveys/" + surveyId, Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/surveys/" + surveyId + "/copy", Map.of(), 302, 404, 403, 302, 404),
                new Route("GET", g + "/surveys/" + surveyId + "/results", Map.of(), 302, 404, 409, 409, 404),
                new Route("POST", g + "/demands/ladder", Map.of("steps", "Ask\nInsist"), 302, 404, 403, 302, 404),
                new Route("GET", g + "/demands/mandate?proposal=" + closedProposalId, Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/demands/mandate", Map.of("proposal", closedProposalId.toString(), "demandId",
                        demandId.toString()), 302, 404, 403, 302, 404),
                new Route("GET", "/account/notifications", Map.of(), 302, 200, 200, 200, 200),
                new Route("GET", "/receipt", Map.of(), 200, 200, 200, 200, 200),
                new Route("GET", "/account", Map.of(), 302, 200, 200, 200, 200),
                new Route("GET", "/admin", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/admin/outbox", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/admin/audit", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/admin/networks", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/directory", Map.of(), 200, 200, 200, 200, 200),
                new Route("GET", "/", Map.of(), 200, 200, 200, 200, 200));
    }

    List<Route> apiRoutes() {
        String g = "/api/v1/groups/" + groupId;
        return List.of(
                new Route("GET", g, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/members", Map.of(), 401, 404, 403, 200, 404),
                new Route("POST", g + "/invitations", Map.of(), 401, 404, 403, 201, 404),
                new Route("GET", g + "/concerns", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/concerns/" + concernId, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/concerns/" + concernId + "/comments", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/concerns/" + concernId + "/messages", Map.of("text", "Hello"), 401, 404, 403, 204, 404),
                new Route("POST", g + "/comments/" + commentId + "/hide", Map.of("hidden", false), 401, 404, 403, 204, 404),
                new Route("GET", g + "/grievances", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/grievances/" + grievanceId, Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/plan", Map.of("what", "Step"), 401, 404, 403, 200, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/information", Map.of("kind", "FACT", "text", "A fact"), 401, 404, 200, 200, 404),
                new Route("GET", g + "/meetings", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/meetings/" + meetingId, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/meetings/" + meetingId + ".ics", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/answer", Map.of("answer", "NO"), 401, 404, 200, 200, 404),
                new Route("POST", g + "/meetings", Map.of("title", "M", "date", "2030-01-01", "startTime", "18:00", "endTime", "19:00"), 401, 404, 403, 201, 404),
                new Route("GET", g + "/meetings/" + meetingId + "/queue", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue/next", Map.of(), 401, 404, 403, 200, 404),
                new Route("GET", g + "/meetings/" + meetingId + "/record", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/actions", Map.of("what", "Act"), 401, 404, 403, 200, 404),
                new Route("GET", g + "/momentum", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/meeting-settings", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/surveys", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/surveys/" + surveyId, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/surveys/" + surveyId + "/results", Map.of(), 401, 404, 409, 409, 404),
                new Route("POST", g + "/surveys", Map.of("title", "S"), 401, 404, 403, 201, 404),
                new Route("GET", "/api/v1/surveys/bank", Map.of(), 401, 200, 200, 200, 200),
                new Route("PUT", g + "/meeting-settings", Map.of("membersCanSchedule", false), 401, 404, 403, 200, 404),
                new Route("GET", g + "/meetings/suggested-roles", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/demands", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/demands/" + demandId, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/demands/" + demandId + "/letter.txt", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/demands", Map.of("what", "W", "reasons", "R", "addressedTo", "M"), 401, 404, 403, 201, 404),
                new Route("POST", g + "/demands/" + demandId + "/events", Map.of("kind", "FOLLOW_UP", "detail", "Note"), 401, 404, 403, 200, 404),
                new Route("GET", "/api/v1/groups/" + groupId + "/ladder", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/proposals", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/proposals/" + proposalId, Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/proposals/" + proposalId + "/ballots", Map.of("answer", "NO"), 401, 404, 201, 201, 404),
                new Route("POST", "/api/v1/receipts/concern", Map.of("receipt", "0000-0000-0000-0000-0000-0000"), 400, 400, 400, 400, 400),
                new Route("GET", "/api/v1/me", Map.of(), 401, 200, 200, 200, 200),
                new Route("GET", "/api/v1/groups", Map.of(), 401, 200, 200, 200, 200),
                new Route("GET", "/api/v1/directory/groups", Map.of(), 200, 200, 200, 200, 200));
    }

    @TestFactory
    Stream<DynamicTest> pages() {
        return pageRoutes().stream().map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
            List<String> wrong = new ArrayList<>();
            Who[] order = Who.values();
            for (int i = 0; i < order.length; i++) {
                WebSession session = sessions.get(order[i]);
                WebSession.Page page = "GET".equals(route.method()) ? session.get(route.path())
                        : session.post(route.path(), route.form().entrySet().stream().collect(
                                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))));
                if (page.status() != route.expected()[i]) {
                    wrong.add(order[i] + " got " + page.status() + " instead of " + route.expected()[i]);
                }
                if (order[i] == Who.ANONYMOUS && page.status() == 302) {
                    assertThat(page.location()).endsWith("/login");
                }
            }
            assertThat(wrong).as(route.method() + " " + route.path()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> api() {
        Api api = new Api(port);
        return apiRoutes().stream().map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
            List<String> wrong = new ArrayList<>();
            Who[] order = Who.values();
            for (int i = 0; i < order.length; i++) {
                String token = order[i] == Who.ANONYMOUS ? null : people.get(order[i]).token();
                Api.Response response = switch (route.method()) {
                    case "GET" -> api.get(route.path(), token);
                    case "PUT" -> api.put(route.path(), token, route.form());
                    default -> api.post(route.path(), token, route.form());
                };
                if (response.status() != route.expected()[i]) {
                    wrong.add(order[i] + " got " + response.status() + " instead of " + route.expected()[i]);
                }
            }
            assertThat(wrong).as(route.method() + " " + route.path()).isEmpty();
        }));
    }
}
