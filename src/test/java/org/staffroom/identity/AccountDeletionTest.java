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

    @Test
    void deletingMyAccountRemovesMyPersonalDataMembershipsTokensAndSessions() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Deletion group");
        Person member = fixtures.member(groupId, organiser);
        WebSession session = WebSession.signedIn(port, member.email(), Fixtures.PASSWORD);
        session.get("/account/delete");

        WebSession.Page wrong = session.post("/account/delete", Map.of("password", "not my password"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from identity_account where id = ?").param(member.id()).query(Long.class).single())
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
