package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.pattern.PathPattern;
import org.staffroom.concerns.Comments;
import org.staffroom.concerns.ConcernDraft;
import org.staffroom.concerns.ConcernRaising;
import org.staffroom.concerns.Grievances;
import org.staffroom.groups.Invitations;
import org.staffroom.groups.Networks;
import org.staffroom.identity.AccessTokens;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.journal.Journal;
import org.staffroom.journal.JournalSharing;
import org.staffroom.journal.JournalWitnesses;
import org.staffroom.meetings.MeetingRecords;
import org.staffroom.meetings.SpeakingQueue;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;
import org.staffroom.surveys.Scope;
import org.staffroom.surveys.Surveys;

/**
 * Every id-bearing route, tried by each kind of person: nobody signed in, someone outside the group, a
 * member, an organiser, and an instance administrator who is not in the group. Groups stay invisible (404)
 * to outsiders; organiser-only routes are 403 for members; administration is for administrators. A
 * network's routes are tried by the same people (the member and the organiser are in one of its groups)
 * and the network's coordinator, who is in none of them. Routes on the caller's own things (tokens,
 * passkeys, sessions, the journal) are tried with ids of someone else's.
 */
@IntegrationTest
class AccessMatrixTest {

    enum Who {
        ANONYMOUS, OUTSIDER, MEMBER, ORGANISER, ADMINISTRATOR, COORDINATOR
    }

    static final List<Who> IN_A_GROUP = List.of(Who.ANONYMOUS, Who.OUTSIDER, Who.MEMBER, Who.ORGANISER,
            Who.ADMINISTRATOR);
    static final List<Who> IN_A_NETWORK = List.of(Who.values());

    record Route(String method, String path, Map<String, ?> form, int... expected) {
    }

    /** Ids of one person's own things, for trying them as someone else. */
    record Own(UUID entryId, UUID witnessId, UUID shareId, UUID tokenId, String passkeyId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ConcernRaising raising;

    @Autowired
    Grievances grievances;

    @Autowired
    Comments comments;

    @Autowired
    AnonymousTags tags;

    @Autowired
    org.staffroom.meetings.Meetings meetings;

    UUID meetingId;
    UUID pastMeetingId;
    UUID actionId;
    UUID queueEntryId;

    @Autowired
    MeetingRecords records;

    @Autowired
    SpeakingQueue queue;

    @Autowired
    org.staffroom.decisions.Proposals proposals;

    UUID proposalId;
    UUID closedProposalId;

    @Autowired
    org.staffroom.demands.Demands demands;

    UUID demandId;

    @Autowired
    org.staffroom.surveys.Surveys surveys;

    @Autowired
    org.staffroom.surveys.SurveyQuestions surveyQuestions;

    UUID surveyId;
    UUID draftSurveyId;
    UUID questionId;
    UUID closingSurveyId;
    UUID closedSurveyId;
    UUID publishedSurveyId;

    @Autowired
    Networks networks;

    UUID networkId;
    UUID otherNetworkId;
    UUID networkDraftId;
    UUID networkQuestionId;
    UUID networkOpenId;
    UUID networkClosingId;
    UUID networkClosedId;
    UUID networkPublishedId;
    String nominee;

    @Autowired
    Invitations invitations;

    UUID invitationId;
    UUID approvedRequestId;
    UUID declinedRequestId;
    UUID passedOnRequestId;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Journal journal;

    @Autowired
    JournalWitnesses journalWitnesses;

    @Autowired
    JournalSharing journalSharing;

    @Autowired
    JdbcClient jdbc;

    Own administrators;
    Own colleagues;
    WebSession administratorsOtherSession;
    String otherSessionHandle;

    UUID groupId;
    UUID bystanderId;
    UUID concernId;
    UUID adoptableConcernId;
    UUID grievanceId;
    UUID planItemId;
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
        people.put(Who.COORDINATOR, fixtures.person("coordinator"));
        Person bystander = fixtures.member(groupId, organiser);
        bystanderId = bystander.id();
        // the bystander raises them, so that the member in the matrix is neither author nor organiser
        concernId = tags.actingAs(bystanderId, Fixtures.PASSWORD, () -> raising.raise(bystanderId, groupId,
                new ConcernDraft("Matrix concern", "Details", "OTHER", "", true))).concernId();
        UUID adopted = tags.actingAs(bystanderId, Fixtures.PASSWORD, () -> raising.raise(bystanderId, groupId,
                new ConcernDraft("Adopted concern", "Details", "OTHER", "", false))).concernId();
        grievanceId = grievances.adopt(organiser.id(), groupId, adopted);
        fixtures.release();
        commentId = comments.add(bystanderId, groupId, Comments.On.CONCERN, concernId, "A comment", true);
        fixtures.release();
        meetingId = meetings.schedule(organiser.id(), groupId,
                new org.staffroom.meetings.Meetings.Draft("Matrix meeting",
                        java.time.LocalDate.now().plusDays(3).toString(), "18:00", "19:00", "", "", null, null, "Item",
                        List.of()));
        proposalId = proposals.propose(organiser.id(), groupId,
                new org.staffroom.decisions.Proposals.Draft("Matrix vote",
                        "", "YES_NO", "SIMPLE", null, 0, false, true,
                        java.time.LocalDateTime.now().plusDays(2).withNano(0).toString(),
                        List.of(), null));
        closedProposalId = proposals.propose(organiser.id(), groupId, new org.staffroom.decisions.Proposals.Draft(
                "Matrix decision", "", "YES_NO", "SIMPLE", null, 0, false, true,
                java.time.LocalDateTime.now().plusDays(2).withNano(0).toString(), List.of(), null));
        proposals.close(organiser.id(), groupId, closedProposalId);
        demandId = demands.draft(organiser.id(), groupId, new org.staffroom.demands.Demands.Draft("Matrix demand",
                "Reasons", "The manager", null, null));
        org.staffroom.surveys.Scope scope = new org.staffroom.surveys.Scope.Group(groupId);
        surveyId = surveys.create(organiser.id(), scope, new org.staffroom.surveys.Surveys.Draft("Matrix survey", ""));
        surveyQuestions.addFromBank(organiser.id(), scope, surveyId, "stress");
        surveys.open(organiser.id(), scope, surveyId, java.time.LocalDate.now().plusDays(3).toString());

        // a member a row never removes (a row removes the bystander): owner of a step, an action, a place in the queue
        Person colleague = fixtures.member(groupId, organiser);
        adoptableConcernId = tags
                .actingAs(colleague.id(), Fixtures.PASSWORD, () -> raising.raise(colleague.id(), groupId,
                        new ConcernDraft("Concern to adopt", "Details", "OTHER", "", false)))
                .concernId();
        grievances.addPlanItem(organiser.id(), groupId, grievanceId,
                new Grievances.NewPlanItem("Step", colleague.id(), ""));
        planItemId = grievances.get(organiser.id(), groupId, grievanceId).plan().getFirst().id();
        pastMeetingId = meetings.schedule(organiser.id(), groupId,
                new org.staffroom.meetings.Meetings.Draft("Past meeting",
                        LocalDate.now().minusDays(1).toString(), "18:00", "19:00", "", "", null, null, "Item",
                        List.of()));
        actionId = records.addAction(organiser.id(), groupId, meetingId, "Act", colleague.id(), "");
        queue.join(colleague.id(), groupId, meetingId);
        queueEntryId = queue.state(colleague.id(), groupId, meetingId).waiting().getFirst().entryId();
        invitations.create(organiser.id(), groupId, 7, 10);
        invitationId = invitations.list(organiser.id(), groupId).stream().filter(i -> i.maxUses() == 10).findFirst()
                .orElseThrow().id();
        approvedRequestId = joinRequest();
        declinedRequestId = joinRequest();
        passedOnRequestId = joinRequest();
        jdbc.sql("update directory_join_request set approved_on = ? where id = ?")
                .params(LocalDate.now(), passedOnRequestId)
                .update();
        draftSurveyId = survey(organiser, scope, "Draft survey", Surveys.Status.DRAFT);
        questionId = surveys.get(organiser.id(), scope, draftSurveyId).questions().getFirst().id();
        closingSurveyId = survey(organiser, scope, "Survey to close", Surveys.Status.OPEN);
        closedSurveyId = survey(organiser, scope, "Closed survey", Surveys.Status.CLOSED);
        publishedSurveyId = survey(organiser, scope, "Published survey", Surveys.Status.PUBLISHED);

        // the group is in a network whose coordinator is in none of its groups
        Person coordinator = people.get(Who.COORDINATOR);
        networkId = fixtures.network(coordinator, "Matrix network");
        networks.join(organiser.id(), groupId, networkId);
        otherNetworkId = fixtures.network(coordinator, "Other network");
        nominee = fixtures.person("nominee").email();
        Scope network = new Scope.Network(networkId);
        networkDraftId = survey(coordinator, network, "Network draft", Surveys.Status.DRAFT);
        networkQuestionId = surveys.get(coordinator.id(), network, networkDraftId).questions().getFirst().id();
        networkOpenId = survey(coordinator, network, "Network survey", Surveys.Status.OPEN);
        networkClosingId = survey(coordinator, network, "Network survey to close", Surveys.Status.OPEN);
        networkClosedId = survey(coordinator, network, "Closed network survey", Surveys.Status.CLOSED);
        networkPublishedId = survey(coordinator, network, "Published network survey", Surveys.Status.PUBLISHED);

        // journals: the organiser is the one the colleague and the administrator share entries with (the
        // administrator through a group of the organiser's that is not the matrix's)
        Person administrator = people.get(Who.ADMINISTRATOR);
        UUID sideGroup = fixtures.hiddenGroup(organiser, "Side group");
        invitations.accept(fixtures.invitationCode(organiser, sideGroup), administrator.id());
        keepsAJournal(organiser.id());
        journalSharing.receiveShares(organiser.id(), true);
        administrators = own(administrator.id(), organiser.id());
        colleagues = own(colleague.id(), organiser.id());

        sessions = new EnumMap<>(Who.class);
        sessions.put(Who.ANONYMOUS, new WebSession(port));
        for (Who who : List.of(Who.OUTSIDER, Who.MEMBER, Who.ORGANISER, Who.ADMINISTRATOR, Who.COORDINATOR)) {
            sessions.put(who, WebSession.signedIn(port, people.get(who).email(), Fixtures.PASSWORD));
        }
        administratorsOtherSession = WebSession.signedIn(port, administrator.email(), Fixtures.PASSWORD);
        Matcher handle = Pattern.compile("/account/sessions/([0-9a-f]{16})/revoke")
                .matcher(sessions.get(Who.ADMINISTRATOR).get("/account").body());
        assertThat(handle.find()).as("the administrator's other session on the account page").isTrue();
        otherSessionHandle = handle.group(1);
    }

    /** A survey with one question from the bank, taken as far as {@code status}. */
    private UUID survey(Person by, Scope scope, String title, Surveys.Status status) {
        UUID id = surveys.create(by.id(), scope, new Surveys.Draft(title, ""));
        surveyQuestions.addFromBank(by.id(), scope, id, "stress");
        if (status != Surveys.Status.DRAFT) {
            surveys.open(by.id(), scope, id, LocalDate.now().plusDays(3).toString());
        }
        if (status == Surveys.Status.CLOSED || status == Surveys.Status.PUBLISHED) {
            surveys.close(by.id(), scope, id);
        }
        if (status == Surveys.Status.PUBLISHED) {
            surveys.publish(by.id(), scope, id);
        }
        return id;
    }

    /** A hidden group takes no join requests: these came while it was listed. */
    private UUID joinRequest() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into directory_join_request (id, group_id, name, contact, message, received_on)
                values (?, ?, 'Someone', 'on the ward', '', ?)""").params(id, groupId, LocalDate.now()).update();
        return id;
    }

    private void keepsAJournal(UUID accountId) {
        journal.create(accountId, new Journal.Keyring("PBKDF2-SHA-256", 600_000, bytes(16), bytes(60), bytes(16),
                bytes(60), bytes(422), bytes(1800)));
    }

    /** A journal with an entry, a witness asked and the entry shared with {@code repId}; a token; a passkey. */
    private Own own(UUID accountId, UUID repId) {
        keepsAJournal(accountId);
        UUID entryId = journal.write(accountId, new Journal.Ciphertext(bytes(12), bytes(100))).id();
        journalWitnesses.askWitness(accountId, entryId, new Journal.Ciphertext(bytes(12), bytes(100)));
        UUID shareId = journalSharing.share(accountId, repId,
                List.of(new Journal.SharedEntry(entryId, bytes(384), bytes(12), bytes(100))));
        tokens.createPersonal(accountId, "Matrix token");
        UUID tokenId = tokens.list(accountId).stream().filter(t -> t.name().equals("Matrix token")).findFirst()
                .orElseThrow().id();
        String user = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(bytes(16)));
        String passkeyId = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Base64.getDecoder().decode(bytes(16)));
        jdbc.sql("insert into user_entities (id, name, display_name) values (?, ?, ?)")
                .params(user, accountId.toString(), accountId.toString()).update();
        jdbc.sql("""
                insert into user_credentials (credential_id, user_entity_user_id, public_key, signature_count,
                    uv_initialized, backup_eligible, backup_state, authenticator_transports,
                    public_key_credential_type, label, created, last_used)
                values (?, ?, ?, 0, true, false, false, 'internal', 'public-key', 'Matrix key', current_timestamp,
                    current_timestamp)""").params(passkeyId, user, new byte[] {1, 2, 3}).update();
        return new Own(entryId, journalWitnesses.witnesses(accountId).getFirst().id(), shareId, tokenId, passkeyId);
    }

    private static String bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    //                                        anonymous outsider member organiser administrator
    List<Route> pageRoutes() {
        String g = "/groups/" + groupId;
        Map<String, String> settings = Map.of("name", "Matrix group", "sector", "NHS_TRUST");
        Map<String, Object> edit = Map.of("after", 1, "iv", bytes(12), "data", bytes(100));
        String closesOn = LocalDate.now().plusDays(5).toString();
        return List.of(
                new Route("GET", g, Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/settings", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/settings", settings, 302, 404, 403, 302, 404),
                new Route("POST", g + "/networks", Map.of("networkId", otherNetworkId), 302, 404, 403, 302, 404),
                new Route("POST", g + "/networks/" + otherNetworkId + "/leave", Map.of(), 302, 404, 403, 302, 404),
                new Route("GET", g + "/members", Map.of(), 302, 404, 403, 200, 404),
                new Route("GET", g + "/invitations", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/invitations", Map.of("validDays", "7", "maxUses", "1"), 302, 404, 403, 200,
                        404),
                new Route("POST", g + "/invitations/email", Map.of("email", "new@example.org", "validDays", "7"), 302,
                        404, 403, 200, 404),
                new Route("POST", g + "/invitations/" + invitationId + "/revoke", Map.of(), 302, 404, 403, 302, 404),
                new Route("GET", g + "/join-requests", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/join-requests/" + approvedRequestId + "/approve", Map.of(), 302, 404, 403, 302,
                        404),
                new Route("POST", g + "/join-requests/" + declinedRequestId + "/decline", Map.of(), 302, 404, 403, 302,
                        404),
                new Route("POST", g + "/join-requests/" + passedOnRequestId + "/sent", Map.of(), 302, 404, 403, 302,
                        404),
                new Route("GET", g + "/audit", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/members/" + bystanderId + "/role", Map.of("role", "ORGANISER"), 302, 404, 403,
                        302, 404),
                new Route("POST", g + "/members/" + bystanderId + "/remove", Map.of(), 302, 404, 403, 302, 404),
                new Route("GET", g + "/concerns", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/concerns/new", Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/concerns", Map.of("title", "Raised", "details", "Details", "category", "OTHER"),
                        302, 404, 302, 302, 404),
                new Route("GET", g + "/concerns/" + concernId, Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/concerns/" + concernId + "/messages", Map.of("text", "Hello"), 302, 404, 403,
                        302, 404),
                new Route("POST", g + "/concerns/" + concernId + "/comments", Map.of("text", "Me too"), 302, 404, 302,
                        302, 404),
                new Route("POST", g + "/concerns/" + concernId + "/cosign", Map.of(), 302, 404, 302, 302, 404),
                new Route("POST", g + "/concerns/" + concernId + "/withdraw", Map.of(), 302, 404, 403, 403, 404),
                new Route("GET", g + "/concerns/" + concernId + "/edit", Map.of(), 302, 404, 403, 403, 404),
                new Route("POST", g + "/concerns/" + concernId + "/edit",
                        Map.of("title", "Edited", "details", "Details",
                                "category", "OTHER"),
                        302, 404, 403, 403, 404),
                new Route("POST", g + "/concerns/" + adoptableConcernId + "/grievance", Map.of(), 302, 404, 403, 302,
                        404),
                new Route("GET", g + "/concerns/settings", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/concerns/settings", Map.of("threshold", "3", "retentionMonths", "12"), 302, 404,
                        403, 302, 404),
                new Route("POST", g + "/comments/" + commentId + "/hide", Map.of("hidden", "false"), 302, 404, 403, 302,
                        404),
                new Route("GET", g + "/grievances", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/grievances/" + grievanceId, Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/grievances/" + grievanceId + "/problem", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/grievances/" + grievanceId + "/information", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/grievances/" + grievanceId + "/plan", Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/problem", Map.of("what", "Wrong"), 302, 404, 403,
                        302, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/status", Map.of("status", "OPEN"), 302, 404, 403,
                        302, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/plan", Map.of("what", "Step"), 302, 404, 403,
                        302, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/plan/" + planItemId, Map.of("done", "true"), 302,
                        404, 403, 302, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/information",
                        Map.of("kind", "FACT", "text", "A fact"), 302, 404, 302, 302, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/comments", Map.of("text", "Me too"), 302, 404,
                        302, 302, 404),
                new Route("GET", g + "/meetings", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/meetings/new", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/meetings",
                        Map.of("title", "M", "date", "2030-01-01", "startTime", "18:00", "endTime", "19:00"), 302, 404,
                        403, 302, 404),
                new Route("GET", g + "/meetings/" + meetingId, Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/meetings/" + meetingId + ".ics", Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/answer", Map.of("answer", "YES"), 302, 404, 302, 302,
                        404),
                new Route("POST", g + "/meetings/" + pastMeetingId + "/attendance", Map.of("attended", "12"), 302, 404,
                        403, 302, 404),
                new Route("GET", "/account/calendar", Map.of(), 302, 200, 200, 200, 200),
                new Route("GET", g + "/meetings/" + meetingId + "/queue", Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue", Map.of(), 302, 404, 302, 302, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue/leave", Map.of(), 302, 404, 302, 302, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue/limit", Map.of("seconds", "60"), 302, 404, 403,
                        302, 404),
                // before the next row gives the colleague, first in the queue, the floor
                new Route("POST", g + "/meetings/" + meetingId + "/queue/" + queueEntryId + "/remove", Map.of(), 302,
                        404, 403, 302, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue/next", Map.of(), 302, 404, 403, 302, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/minutes", Map.of("text", "Minutes"), 302, 404, 403,
                        302, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/actions", Map.of("what", "Act"), 302, 404, 403, 302,
                        404),
                new Route("POST", g + "/actions/" + actionId, Map.of("done", "true", "meetingId", meetingId), 302, 404,
                        403, 302, 404),
                new Route("GET", g + "/momentum", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/meetings/settings", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/meetings/settings", Map.of("attendanceByName", "true"), 302, 404, 403, 302,
                        404),
                new Route("GET", g + "/proposals", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/proposals/new", Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/proposals", Map.of("title", "P", "kind", "YES_NO", "majority", "SIMPLE",
                        "closesAt", "2030-01-01T18:00"), 302, 404, 302, 302, 404),
                new Route("GET", g + "/proposals/" + proposalId, Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/proposals/" + proposalId + "/ballots", Map.of("answer", "YES"), 302, 404, 302,
                        302, 404),
                new Route("POST", g + "/proposals/" + proposalId + "/close", Map.of(), 302, 404, 403, 302, 404),
                new Route("GET", g + "/demands", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/demands/new", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/demands", Map.of("what", "W", "reasons", "R", "addressedTo", "M"), 302, 404,
                        403, 302, 404),
                new Route("GET", g + "/demands/" + demandId, Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/demands/" + demandId + "/letter.pdf", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/demands/" + demandId + "/letter.txt", Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/demands/" + demandId + "/support", Map.of(), 302, 404, 302, 302, 404),
                new Route("POST", g + "/demands/" + demandId + "/events", Map.of("kind", "FOLLOW_UP", "detail", "Note"),
                        302, 404, 403, 302, 404),
                new Route("GET", g + "/demands/ladder", Map.of(), 302, 404, 403, 200, 404),
                new Route("GET", g + "/surveys", Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/surveys/new", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/surveys", Map.of("title", "S"), 302, 404, 403, 302, 404),
                new Route("GET", g + "/surveys/" + surveyId, Map.of(), 302, 404, 200, 200, 404),
                new Route("POST", g + "/surveys/" + surveyId + "/copy", Map.of(), 302, 404, 403, 302, 404),
                new Route("GET", g + "/surveys/" + surveyId + "/results", Map.of(), 302, 404, 409, 409, 404),
                new Route("POST", g + "/surveys/" + surveyId + "/responses", Map.of(), 302, 404, 302, 302, 404),
                new Route("POST", g + "/surveys/" + draftSurveyId + "/questions", Map.of("kind", "TEXT", "text", "Q"),
                        302, 404, 403, 302, 404),
                new Route("POST", g + "/surveys/" + draftSurveyId + "/questions/bank", Map.of("code", "training"), 302,
                        404, 403, 302, 404),
                new Route("POST", g + "/surveys/" + draftSurveyId + "/questions/" + questionId + "/remove", Map.of(),
                        302, 404, 403, 302, 404),
                new Route("POST", g + "/surveys/" + draftSurveyId + "/open", Map.of("closesOn", closesOn), 302, 404,
                        403, 302, 404),
                new Route("POST", g + "/surveys/" + closingSurveyId + "/close", Map.of(), 302, 404, 403, 302, 404),
                new Route("POST", g + "/surveys/" + closedSurveyId + "/publish", Map.of(), 302, 404, 403, 302, 404),
                new Route("GET", g + "/surveys/" + publishedSurveyId + "/results.csv", Map.of(), 302, 404, 200, 200,
                        404),
                new Route("GET", g + "/surveys/" + publishedSurveyId + "/results.pdf", Map.of(), 302, 404, 200, 200,
                        404),
                new Route("POST", g + "/demands/ladder", Map.of("steps", "Ask\nInsist"), 302, 404, 403, 302, 404),
                new Route("GET", g + "/demands/mandate?proposal=" + closedProposalId, Map.of(), 302, 404, 403, 200,
                        404),
                new Route("POST", g + "/demands/mandate", Map.of("proposal", closedProposalId.toString(), "demandId",
                        demandId.toString()), 302, 404, 403, 302, 404),
                // a hidden group has no listing, not even for its members
                new Route("GET", "/directory/" + groupId, Map.of(), 404, 404, 404, 404, 404),
                new Route("POST", "/directory/" + groupId + "/join", Map.of("name", "N", "contact", "C"), 404, 404, 404,
                        404, 404),
                // the administrator's own: the others' tries must leave them for the administrator, last
                new Route("POST", "/account/tokens/" + administrators.tokenId() + "/revoke", Map.of(), 302, 404, 404,
                        404, 302),
                new Route("POST", "/account/tokens/" + colleagues.tokenId() + "/revoke", Map.of(), 302, 404, 404, 404,
                        404),
                new Route("POST", "/account/passkeys/" + administrators.passkeyId() + "/remove", Map.of(), 302, 404,
                        404, 404, 302),
                new Route("POST", "/account/passkeys/" + colleagues.passkeyId() + "/remove", Map.of(), 302, 404, 404,
                        404, 404),
                // another session of the administrator's; that the others' tries end nothing: someoneElsesSessionHandleEndsNothing
                new Route("POST", "/account/sessions/" + otherSessionHandle + "/revoke", Map.of(), 302, 302, 302, 302,
                        302),
                new Route("PUT", "/journal/data/entries/" + administrators.entryId(), edit, 302, 404, 404, 404, 200),
                new Route("PUT", "/journal/data/entries/" + colleagues.entryId(), edit, 302, 404, 404, 404, 404),
                new Route("DELETE", "/journal/data/witnesses/" + administrators.witnessId(), Map.of(), 302, 404, 404,
                        404, 204),
                new Route("DELETE", "/journal/data/witnesses/" + colleagues.witnessId(), Map.of(), 302, 404, 404, 404,
                        404),
                // shared with the organiser, who may read them but not take them back
                new Route("DELETE", "/journal/data/shares/" + administrators.shareId(), Map.of(), 302, 404, 404, 404,
                        204),
                new Route("DELETE", "/journal/data/shares/" + colleagues.shareId(), Map.of(), 302, 404, 404, 404, 404),
                new Route("GET", "/account/notifications", Map.of(), 302, 200, 200, 200, 200),
                new Route("GET", "/receipt", Map.of(), 200, 200, 200, 200, 200),
                new Route("GET", "/account", Map.of(), 302, 200, 200, 200, 200),
                new Route("GET", "/admin", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/admin/outbox", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/admin/audit", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/admin/networks", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/directory", Map.of(), 200, 200, 200, 200, 200),
                new Route("GET", "/", Map.of(), 200, 200, 200, 200, 200),
                // last: the member leaves, and the organiser, the last one, may not
                new Route("POST", g + "/leave", Map.of(), 302, 404, 302, 409, 404));
    }

    List<Route> apiRoutes() {
        String g = "/api/v1/groups/" + groupId;
        Map<String, Object> edit = Map.of("after", 1, "iv", bytes(12), "data", bytes(100));
        String closesOn = LocalDate.now().plusDays(5).toString();
        return List.of(
                new Route("GET", g, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/members", Map.of(), 401, 404, 403, 200, 404),
                new Route("POST", g + "/invitations", Map.of(), 401, 404, 403, 201, 404),
                new Route("GET", g + "/concerns", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/concerns", Map.of("title", "Raised", "details", "Details", "category", "OTHER"),
                        401, 404, 201, 201, 404),
                new Route("GET", g + "/concerns/" + concernId, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/concerns/" + concernId + "/comments", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/concerns/" + concernId + "/comments", Map.of("text", "Me too"), 401, 404, 201,
                        201, 404),
                new Route("POST", g + "/concerns/" + concernId + "/cosign", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/concerns/" + concernId + "/messages", Map.of("text", "Hello"), 401, 404, 403,
                        204, 404),
                new Route("POST", g + "/concerns/" + adoptableConcernId + "/grievance", Map.of(), 401, 404, 403, 201,
                        404),
                new Route("POST", g + "/comments/" + commentId + "/hide", Map.of("hidden", false), 401, 404, 403, 204,
                        404),
                new Route("GET", g + "/grievances", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/grievances/" + grievanceId, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/grievances/" + grievanceId + "/comments", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/comments", Map.of("text", "Me too"), 401, 404,
                        201, 201, 404),
                new Route("PUT", g + "/grievances/" + grievanceId + "/problem", Map.of("what", "Wrong"), 401, 404, 403,
                        200, 404),
                new Route("PUT", g + "/grievances/" + grievanceId + "/status", Map.of("status", "OPEN"), 401, 404, 403,
                        200, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/plan", Map.of("what", "Step"), 401, 404, 403,
                        200, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/plan/" + planItemId, Map.of("done", true), 401,
                        404, 403, 200, 404),
                new Route("POST", g + "/grievances/" + grievanceId + "/information",
                        Map.of("kind", "FACT", "text", "A fact"), 401, 404, 200, 200, 404),
                new Route("GET", g + "/meetings", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/meetings/" + meetingId, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/meetings/" + meetingId + ".ics", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/answer", Map.of("answer", "NO"), 401, 404, 200, 200,
                        404),
                new Route("POST", g + "/meetings/" + pastMeetingId + "/attendance", Map.of("attended", 12), 401, 404,
                        403, 200, 404),
                new Route("POST", g + "/meetings",
                        Map.of("title", "M", "date", "2030-01-01", "startTime", "18:00", "endTime", "19:00"), 401, 404,
                        403, 201, 404),
                new Route("GET", g + "/meetings/" + meetingId + "/queue", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue/leave", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue/limit", Map.of("seconds", 60), 401, 404, 403,
                        200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/queue/next", Map.of(), 401, 404, 403, 200, 404),
                new Route("GET", g + "/meetings/" + meetingId + "/record", Map.of(), 401, 404, 200, 200, 404),
                new Route("PUT", g + "/meetings/" + meetingId + "/minutes", Map.of("text", "Minutes"), 401, 404, 403,
                        200, 404),
                new Route("POST", g + "/meetings/" + meetingId + "/actions", Map.of("what", "Act"), 401, 404, 403, 200,
                        404),
                new Route("POST", g + "/actions/" + actionId, Map.of("done", true), 401, 404, 403, 204, 404),
                new Route("GET", g + "/momentum", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/meeting-settings", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/surveys", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/surveys/" + surveyId, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/surveys/" + surveyId + "/results", Map.of(), 401, 404, 409, 409, 404),
                new Route("POST", g + "/surveys/" + surveyId + "/responses", Map.of("answers", Map.of()), 401, 404, 201,
                        201, 404),
                new Route("POST", g + "/surveys/" + surveyId + "/copy", Map.of(), 401, 404, 403, 201, 404),
                new Route("POST", g + "/surveys", Map.of("title", "S"), 401, 404, 403, 201, 404),
                new Route("POST", g + "/surveys/" + draftSurveyId + "/questions", Map.of("kind", "TEXT", "text", "Q"),
                        401, 404, 403, 201, 404),
                new Route("DELETE", g + "/surveys/" + draftSurveyId + "/questions/" + questionId, Map.of(), 401, 404,
                        403, 204, 404),
                new Route("POST", g + "/surveys/" + draftSurveyId + "/open", Map.of("closesOn", closesOn), 401, 404,
                        403, 200, 404),
                new Route("POST", g + "/surveys/" + closingSurveyId + "/close", Map.of(), 401, 404, 403, 200, 404),
                new Route("POST", g + "/surveys/" + closedSurveyId + "/publish", Map.of(), 401, 404, 403, 200, 404),
                new Route("GET", g + "/surveys/" + publishedSurveyId + "/results.csv", Map.of(), 401, 404, 200, 200,
                        404),
                new Route("GET", g + "/surveys/" + publishedSurveyId + "/results.pdf", Map.of(), 401, 404, 200, 200,
                        404),
                new Route("GET", "/api/v1/surveys/bank", Map.of(), 401, 200, 200, 200, 200),
                new Route("PUT", g + "/meeting-settings", Map.of("membersCanSchedule", false), 401, 404, 403, 200, 404),
                new Route("GET", g + "/meetings/suggested-roles", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/demands", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/demands/" + demandId, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/demands/" + demandId + "/letter.txt", Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/demands/" + demandId + "/letter.pdf", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/demands", Map.of("what", "W", "reasons", "R", "addressedTo", "M"), 401, 404,
                        403, 201, 404),
                new Route("POST", g + "/demands/" + demandId + "/support", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/demands/" + demandId + "/events", Map.of("kind", "FOLLOW_UP", "detail", "Note"),
                        401, 404, 403, 200, 404),
                new Route("GET", "/api/v1/groups/" + groupId + "/ladder", Map.of(), 401, 404, 200, 200, 404),
                new Route("PUT", g + "/ladder", Map.of("steps", List.of("Ask", "Insist")), 401, 404, 403, 200, 404),
                new Route("GET", g + "/proposals", Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/proposals",
                        Map.of("title", "P", "kind", "YES_NO", "closesAt", "2030-01-01T18:00"), 401, 404, 201, 201,
                        404),
                new Route("GET", g + "/proposals/" + proposalId, Map.of(), 401, 404, 200, 200, 404),
                new Route("POST", g + "/proposals/" + proposalId + "/ballots", Map.of("answer", "NO"), 401, 404, 201,
                        201, 404),
                new Route("POST", g + "/proposals/" + proposalId + "/close", Map.of(), 401, 404, 403, 200, 404),
                new Route("POST", "/api/v1/receipts/concern", Map.of("receipt", "0000-0000-0000-0000-0000-0000"), 400,
                        400, 400, 400, 400),
                new Route("GET", "/api/v1/me", Map.of(), 401, 200, 200, 200, 200),
                new Route("GET", "/api/v1/groups", Map.of(), 401, 200, 200, 200, 200),
                new Route("GET", "/api/v1/directory/groups", Map.of(), 200, 200, 200, 200, 200),
                // a hidden group has no listing, not even for its members
                new Route("POST", "/api/v1/directory/groups/" + groupId + "/join-requests",
                        Map.of("name", "N", "contact", "C"), 404, 404, 404, 404, 404),
                // the administrator's own: the others' tries must leave them for the administrator, last
                new Route("PUT", "/api/v1/journal/entries/" + administrators.entryId(), edit, 401, 404, 404, 404, 200),
                new Route("PUT", "/api/v1/journal/entries/" + colleagues.entryId(), edit, 401, 404, 404, 404, 404),
                new Route("DELETE", "/api/v1/journal/witnesses/" + administrators.witnessId(), Map.of(), 401, 404, 404,
                        404, 204),
                new Route("DELETE", "/api/v1/journal/witnesses/" + colleagues.witnessId(), Map.of(), 401, 404, 404, 404,
                        404),
                // shared with the organiser, who may read them but not take them back
                new Route("DELETE", "/api/v1/journal/shares/" + administrators.shareId(), Map.of(), 401, 404, 404, 404,
                        204),
                new Route("DELETE", "/api/v1/journal/shares/" + colleagues.shareId(), Map.of(), 401, 404, 404, 404,
                        404));
    }

    /*
     * A network's page is for any signed-in account, and its administrators and coordinators name further
     * coordinators; its surveys are its coordinators' alone (404 for anyone else, as if they did not exist).
     * Its groups' members answer them, and read their results, from their group.
     */
    //                                        anonymous outsider member organiser administrator coordinator
    List<Route> networkPageRoutes() {
        String n = "/networks/" + networkId;
        String s = n + "/surveys";
        String g = "/groups/" + groupId + "/surveys";
        String closesOn = LocalDate.now().plusDays(5).toString();
        return List.of(
                new Route("GET", n, Map.of(), 302, 200, 200, 200, 200, 200),
                new Route("POST", n + "/coordinators", Map.of("email", nominee), 302, 403, 403, 403, 302, 302),
                // answered only by whoever was asked: nobody here was
                new Route("POST", n + "/offer", Map.of("accept", "true"), 302, 404, 404, 404, 404, 404),
                new Route("GET", s, Map.of(), 302, 404, 404, 404, 404, 200),
                new Route("GET", s + "/new", Map.of(), 302, 404, 404, 404, 404, 200),
                new Route("POST", s, Map.of("title", "S"), 302, 404, 404, 404, 404, 302),
                new Route("GET", s + "/" + networkDraftId, Map.of(), 302, 404, 404, 404, 404, 200),
                new Route("POST", s + "/" + networkDraftId + "/questions", Map.of("kind", "TEXT", "text", "Q"), 302,
                        404, 404, 404, 404, 302),
                new Route("POST", s + "/" + networkDraftId + "/questions/bank", Map.of("code", "training"), 302, 404,
                        404, 404, 404, 302),
                new Route("POST", s + "/" + networkDraftId + "/questions/" + networkQuestionId + "/remove", Map.of(),
                        302, 404, 404, 404, 404, 302),
                new Route("POST", s + "/" + networkDraftId + "/link", Map.of("codes", "0"), 302, 404, 404, 404, 404,
                        200),
                new Route("POST", s + "/" + networkDraftId + "/link/close", Map.of(), 302, 404, 404, 404, 404, 302),
                new Route("POST", s + "/" + networkDraftId + "/open", Map.of("closesOn", closesOn), 302, 404, 404, 404,
                        404, 302),
                new Route("POST", s + "/" + networkClosingId + "/close", Map.of(), 302, 404, 404, 404, 404, 302),
                new Route("POST", s + "/" + networkClosedId + "/publish", Map.of(), 302, 404, 404, 404, 404, 302),
                new Route("POST", s + "/" + networkPublishedId + "/copy", Map.of(), 302, 404, 404, 404, 404, 302),
                new Route("GET", s + "/" + networkPublishedId + "/results", Map.of(), 302, 404, 404, 404, 404, 200),
                new Route("GET", s + "/" + networkPublishedId + "/results.csv", Map.of(), 302, 404, 404, 404, 404, 200),
                new Route("GET", s + "/" + networkPublishedId + "/results.pdf", Map.of(), 302, 404, 404, 404, 404, 200),
                // a group's own survey is not its network's
                new Route("GET", s + "/" + surveyId, Map.of(), 302, 404, 404, 404, 404, 404),
                // the network's surveys from the group: answered and read there, run only by the coordinators
                new Route("GET", g + "/" + networkOpenId, Map.of(), 302, 404, 200, 200, 404, 404),
                new Route("POST", g + "/" + networkOpenId + "/close", Map.of(), 302, 404, 403, 403, 404, 404),
                new Route("GET", g + "/" + networkPublishedId + "/results", Map.of(), 302, 404, 200, 200, 404, 404));
    }

    List<Route> networkApiRoutes() {
        String s = "/api/v1/networks/" + networkId + "/surveys";
        String g = "/api/v1/groups/" + groupId + "/surveys";
        String closesOn = LocalDate.now().plusDays(5).toString();
        return List.of(
                new Route("GET", s, Map.of(), 401, 404, 404, 404, 404, 200),
                new Route("POST", s, Map.of("title", "S"), 401, 404, 404, 404, 404, 201),
                new Route("GET", s + "/" + networkDraftId, Map.of(), 401, 404, 404, 404, 404, 200),
                new Route("POST", s + "/" + networkDraftId + "/questions", Map.of("kind", "TEXT", "text", "Q"), 401,
                        404, 404, 404, 404, 201),
                new Route("DELETE", s + "/" + networkDraftId + "/questions/" + networkQuestionId, Map.of(), 401, 404,
                        404, 404, 404, 204),
                new Route("POST", s + "/" + networkDraftId + "/link", Map.of("codes", 0), 401, 404, 404, 404, 404, 201),
                new Route("DELETE", s + "/" + networkDraftId + "/link", Map.of(), 401, 404, 404, 404, 404, 204),
                new Route("POST", s + "/" + networkDraftId + "/open", Map.of("closesOn", closesOn), 401, 404, 404, 404,
                        404, 200),
                new Route("POST", s + "/" + networkClosingId + "/close", Map.of(), 401, 404, 404, 404, 404, 200),
                new Route("POST", s + "/" + networkClosedId + "/publish", Map.of(), 401, 404, 404, 404, 404, 200),
                new Route("POST", s + "/" + networkPublishedId + "/copy", Map.of(), 401, 404, 404, 404, 404, 201),
                new Route("GET", s + "/" + networkPublishedId + "/results", Map.of(), 401, 404, 404, 404, 404, 200),
                new Route("GET", s + "/" + networkPublishedId + "/results.csv", Map.of(), 401, 404, 404, 404, 404, 200),
                new Route("GET", s + "/" + networkPublishedId + "/results.pdf", Map.of(), 401, 404, 404, 404, 404, 200),
                new Route("GET", s + "/" + surveyId, Map.of(), 401, 404, 404, 404, 404, 404),
                new Route("GET", g + "/" + networkOpenId, Map.of(), 401, 404, 200, 200, 404, 404),
                new Route("POST", g + "/" + networkOpenId + "/close", Map.of(), 401, 404, 403, 403, 404, 404),
                new Route("GET", g + "/" + networkPublishedId + "/results", Map.of(), 401, 404, 200, 200, 404, 404));
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /**
     * Routes with an id in their path that the matrix leaves out, each with the reason: they are not reached
     * through a group, so "a member of another group" means nothing for them, and their own tests try them
     * with someone else's id.
     */
    static final Map<String, String> OUTSIDE_THE_MATRIX = Map.ofEntries(
            Map.entry("/invitations/{code}", "an invitation code is the permission (InvitationRulesTest)"),
            Map.entry("/invitations/{code}/accept",
                    "an invitation code is the permission (anInvitationCodeIsThePermission, below)"),
            Map.entry("/invitations/{code}/register", "an invitation code is the permission (JourneyTest)"),
            Map.entry("/invitations/{code}/personal-link",
                    "an invitation code is the permission (JourneyTest, InvitationRulesTest)"),
            Map.entry("/api/v1/invitations/{code}/accept",
                    "an invitation code is the permission (GroupsApiTest, InvitationRulesTest)"),
            Map.entry("/password-reset/{token}", "the reset token is the permission (PasswordResetTest)"),
            Map.entry("/s/{token}", "a survey's public link is the permission (PublicLinkTest)"),
            Map.entry("/api/v1/public-surveys/{token}", "a survey's public link is the permission (PublicLinkTest)"),
            Map.entry("/api/v1/public-surveys/{token}/responses",
                    "a survey's public link is the permission (PublicLinkTest)"),
            Map.entry("/journal/witness/{token}", "the witness link is the permission (JournalPagesTest)"),
            Map.entry("/journal/witness/{token}/sign-in", "the witness link is the permission (JournalPagesTest)"),
            Map.entry("/journal/data/witness-requests/{token}",
                    "the witness link is the permission (JournalPagesTest, through the witness page)"),
            Map.entry("/api/v1/journal/witness-requests/{token}",
                    "the witness link is the permission (JournalApiTest)"),
            Map.entry("/calendar/{token}.ics", "the feed token is the permission (MeetingsTest)"));

    /** A row tries the route that answers its path: of the patterns its path matches, the most specific. */
    @Test
    void everyRouteWithAnIdIsInTheMatrix() {
        Map<String, Set<PathPattern>> routes = new HashMap<>();
        mappings.getHandlerMethods().keySet()
                .forEach(info -> info.getMethodsCondition().getMethods()
                        .forEach(method -> routes.computeIfAbsent(method.name(), m -> new HashSet<>())
                                .addAll(info.getPathPatternsCondition().getPatterns())));
        Set<String> tried = new HashSet<>();
        Stream.of(pageRoutes(), apiRoutes(), networkPageRoutes(), networkApiRoutes()).flatMap(List::stream)
                .forEach(route -> {
                    PathContainer path = PathContainer.parsePath(route.path().replaceAll("\\?.*", ""));
                    routes.getOrDefault(route.method(), Set.of()).stream().filter(pattern -> pattern.matches(path))
                            .min(PathPattern.SPECIFICITY_COMPARATOR)
                            .ifPresent(pattern -> tried.add(route.method() + " " + pattern.getPatternString()));
                });
        List<String> missing = new ArrayList<>();
        routes.forEach((method, patterns) -> patterns.stream().map(PathPattern::getPatternString)
                .filter(pattern -> pattern.contains("{") && !OUTSIDE_THE_MATRIX.containsKey(pattern))
                .filter(pattern -> !tried.contains(method + " " + pattern))
                .forEach(pattern -> missing.add(method + " " + pattern)));
        java.util.Collections.sort(missing);
        assertThat(missing).as("routes with an id that no row of the matrix tries").isEmpty();
    }

    /** Outside the matrix, and tried by no other test: on its page, an invitation's code alone lets someone in, once. */
    @Test
    void anInvitationCodeIsThePermission() {
        String accept = "/invitations/" + fixtures.invitationCode(people.get(Who.ORGANISER), groupId) + "/accept";
        assertThat(sessions.get(Who.ANONYMOUS).post(accept, Map.of()).location()).endsWith("/login");
        assertThat(sessions.get(Who.OUTSIDER).post(accept, Map.of()).location()).endsWith("/groups/" + groupId);
        assertThat(sessions.get(Who.OUTSIDER).get("/groups/" + groupId).status()).isEqualTo(200);
        assertThat(sessions.get(Who.ADMINISTRATOR).post(accept, Map.of()).status()).as("used up").isEqualTo(410);
    }

    /** Revoking a session by its handle answers the same whoever asks; only the session's own account ends it. */
    @Test
    void someoneElsesSessionHandleEndsNothing() {
        String revoke = "/account/sessions/" + otherSessionHandle + "/revoke";
        for (Who who : List.of(Who.OUTSIDER, Who.MEMBER, Who.ORGANISER, Who.COORDINATOR)) {
            sessions.get(who).post(revoke, Map.of());
        }
        assertThat(administratorsOtherSession.get("/account").status()).isEqualTo(200);
        sessions.get(Who.ADMINISTRATOR).post(revoke, Map.of());
        assertThat(administratorsOtherSession.get("/account").status()).as("the handle was that session's")
                .isEqualTo(302);
    }

    @TestFactory
    Stream<DynamicTest> pages() {
        return pages(pageRoutes(), IN_A_GROUP);
    }

    @TestFactory
    Stream<DynamicTest> api() {
        return api(apiRoutes(), IN_A_GROUP);
    }

    @TestFactory
    Stream<DynamicTest> networkPages() {
        return pages(networkPageRoutes(), IN_A_NETWORK);
    }

    @TestFactory
    Stream<DynamicTest> networkApi() {
        return api(networkApiRoutes(), IN_A_NETWORK);
    }

    private Stream<DynamicTest> pages(List<Route> routes, List<Who> order) {
        return routes.stream().map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
            assertThat(route.expected()).as("a status for each of " + order).hasSize(order.size());
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                WebSession session = sessions.get(order.get(i));
                WebSession.Page page = switch (route.method()) {
                    case "GET" -> session.get(route.path());
                    case "POST" -> session.post(route.path(), route.form().entrySet().stream().collect(
                            Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))));
                    // the journal page's script, with JSON
                    default -> session.sendJson(route.method(), route.path(),
                            route.form().isEmpty() ? null : Api.JSON.writeValueAsString(route.form()));
                };
                if (page.status() != route.expected()[i]) {
                    wrong.add(order.get(i) + " got " + page.status() + " instead of " + route.expected()[i]);
                }
                if (order.get(i) == Who.ANONYMOUS && page.status() == 302) {
                    assertThat(page.location()).endsWith("/login");
                }
            }
            assertThat(wrong).as(route.method() + " " + route.path()).isEmpty();
        }));
    }

    private Stream<DynamicTest> api(List<Route> routes, List<Who> order) {
        Api api = new Api(port);
        // signed in with the password, so that the token can act anonymously (co-sign, support, answer)
        Map<Who, String> tokens = new EnumMap<>(Who.class);
        order.stream().filter(who -> who != Who.ANONYMOUS).forEach(who -> tokens.put(who, api.signIn(people.get(who))));
        return routes.stream().map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
            assertThat(route.expected()).as("a status for each of " + order).hasSize(order.size());
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                String token = tokens.get(order.get(i));
                Api.Response response = switch (route.method()) {
                    case "GET" -> api.get(route.path(), token);
                    case "PUT" -> api.put(route.path(), token, route.form());
                    case "DELETE" -> api.delete(route.path(), token);
                    default -> api.post(route.path(), token, route.form());
                };
                if (response.status() != route.expected()[i]) {
                    wrong.add(order.get(i) + " got " + response.status() + " instead of " + route.expected()[i]);
                }
            }
            assertThat(wrong).as(route.method() + " " + route.path()).isEmpty();
        }));
    }
}
