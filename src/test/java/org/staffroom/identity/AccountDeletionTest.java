package org.staffroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Api;
import org.staffroom.support.DatabaseDump;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

@IntegrationTest
class AccountDeletionTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.staffroom.mail.Mailer mailer;

    @Autowired
    org.staffroom.directory.JoinRequests joinRequests;

    @Autowired
    org.staffroom.groups.Groups groups;

    @Autowired
    org.staffroom.groups.Invitations invitations;

    @Autowired
    org.staffroom.surveys.Surveys surveys;

    @Autowired
    org.staffroom.meetings.SpeakingQueue speaking;

    @Test
    void deletingMyAccountRemovesMyPersonalDataMembershipsTokensAndSessions() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Deletion group");
        Person member = fixtures.member(groupId, organiser);
        WebSession session = WebSession.signedIn(port, member.email(), Fixtures.PASSWORD);
        session.get("/account/delete");

        WebSession.Page wrong = session.post("/account/delete", Map.of("password", "not my password"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from identity_account where id = ?").param(member.id()).query(Long.class)
                .single())
                .isEqualTo(1);

        WebSession.Page deleted = session.post("/account/delete", Map.of("password", Fixtures.PASSWORD));
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(deleted.location()).endsWith("/login?deleted");
        assertThat(deleted.header("Clear-Site-Data")).contains("\"cookies\"");

        assertThat(new Api(port).get("/api/v1/me", member.token()).status()).isEqualTo(401);
        assertThat(new WebSession(port).signIn(member.email(), Fixtures.PASSWORD).location()).endsWith("/login?error");
        assertThat(jdbc.sql("select count(*) from groups_membership where account_id = ?").param(member.id())
                .query(Long.class).single()).isZero();
        assertThat(DatabaseDump.allValues(jdbc)).noneMatch(value -> value.contains(member.email())
                || value.equals(member.displayName()));
    }

    /**
     * Deleting an account leaves nothing that names the person: after a member has done every named thing a
     * member does, no value of any table holds their account id, address or name.
     */
    @Test
    void afterDeletionNoTableHoldsTheAccountsIdAddressOrName() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Deletion group");
        Person member = fixtures.member(groupId, organiser);
        Api api = new Api(port);
        String token = api.signIn(member);
        String group = "/api/v1/groups/" + groupId;

        String concern = api.post(group + "/concerns", token, Map.of("title", "Short staffed",
                "details", "Two nurses on nights for 28 patients.", "category", "STAFFING_AND_WORKLOAD", "affected",
                "Nights",
                "anonymous", false))
                .json().get("id").asString();
        api.post(group + "/concerns/" + concern + "/comments", token,
                Map.of("text", "It is every night", "anonymous", false));
        api.post(group + "/concerns/" + concern + "/cosign", token, Map.of("anonymous", false));
        UUID demand = fixtures.demand(organiser, groupId, "Paid travel time");
        assertThat(api.post(group + "/demands/" + demand + "/support", token, Map.of("openly", true)).status())
                .isEqualTo(200);
        UUID proposal = fixtures.proposal(organiser, groupId, "Refuse extra visits");
        assertThat(api.post(group + "/proposals/" + proposal + "/ballots", token, Map.of("answer", "YES")).status())
                .isBetween(200, 201);
        UUID meeting = fixtures.meeting(organiser, groupId, "Branch meeting");
        api.post(group + "/meetings/" + meeting + "/answer", token, Map.of("answer", "YES"));
        Person otherOrganiser = fixtures.person("organiser");
        UUID otherGroup = fixtures.group(otherOrganiser,
                "Deletion neighbours " + UUID.randomUUID().toString().substring(0, 6));
        joinRequests.submit(otherGroup, member.displayName(), member.email().toUpperCase(java.util.Locale.ROOT),
                "I would like to join");
        WebSession reset = new WebSession(port);
        reset.get("/password-reset");
        reset.post("/password-reset", Map.of("email", member.email()));
        WebSession session = WebSession.signedIn(port, member.email(), Fixtures.PASSWORD);
        session.get("/account/delete");
        assertThat(session.post("/account/delete", Map.of("password", Fixtures.PASSWORD)).status()).isEqualTo(302);

        String id = member.id().toString();
        assertThat(DatabaseDump.allRows(jdbc)).as("rows still naming the deleted account")
                .noneMatch(row -> row.stream().skip(1)
                        .anyMatch(value -> value.toLowerCase(java.util.Locale.ROOT).contains(id)
                                || value.toLowerCase(java.util.Locale.ROOT)
                                        .contains(member.email().toLowerCase(java.util.Locale.ROOT))
                                || value.equals(member.displayName())));
        assertThat(mailer.outbox()).as("no message waits for the deleted address")
                .noneMatch(message -> message.recipient().equals(member.email()));
    }

    /**
     * What only an organiser makes — a survey, an invitation link — and a turn in a meeting's speaking queue
     * keep no trace of the account either.
     */
    @Test
    void anOrganisersSurveysInvitationsAndTurnsToSpeakKeepNoTraceOfTheAccount() {
        Person leaving = fixtures.person("organiser");
        UUID groupId = fixtures.group(leaving, "Deletion organisers " + UUID.randomUUID().toString().substring(0, 6));
        Person staying = fixtures.member(groupId, leaving);
        groups.changeRole(leaving.id(), groupId, staying.id(), org.staffroom.groups.Role.ORGANISER);
        surveys.create(leaving.id(), new org.staffroom.surveys.Scope.Group(groupId),
                new org.staffroom.surveys.Surveys.Draft("Caseloads survey", ""));
        invitations.create(leaving.id(), groupId, 14, 10);
        UUID meeting = fixtures.meeting(leaving, groupId, "Branch meeting");
        speaking.join(leaving.id(), groupId, meeting);

        WebSession session = WebSession.signedIn(port, leaving.email(), Fixtures.PASSWORD);
        session.get("/account/delete");
        assertThat(session.post("/account/delete", Map.of("password", Fixtures.PASSWORD)).status()).isEqualTo(302);

        String id = leaving.id().toString();
        assertThat(DatabaseDump.allRows(jdbc)).as("rows still naming the deleted account")
                .noneMatch(row -> row.stream().skip(1)
                        .anyMatch(value -> value.toLowerCase(java.util.Locale.ROOT).contains(id)));
    }

    @Test
    void theLastOrganiserCannotLeaveTheGroupWithoutOne() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Lonely group");
        WebSession session = WebSession.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        session.get("/groups/" + groupId);
        WebSession.Page page = session.post("/groups/" + groupId + "/leave", Map.of());
        assertThat(page.status()).isEqualTo(409);
        assertThat(session.get("/groups/" + groupId).status()).isEqualTo(200);
    }
}
