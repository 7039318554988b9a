package org.staffroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.identity.AccessTokens;
import org.staffroom.mail.Mailer;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

/**
 * Named activity is kept no finer than its purpose needs (docs/anonymity.md): an anonymous act is released
 * within an hour, so a record of who was active at what time narrows who made it. Sign-ins leave no audit
 * entry, the audit keeps days, the outbox and expired tokens go, and an administrator's reading of the audit
 * log and the outbox is itself recorded.
 */
@IntegrationTest
class NamedActivityTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    Mailer mailer;

    @Autowired
    AccessTokens tokens;

    @Test
    void signInsLeaveNoTimesAndTheAuditKeepsDaysOnly() {
        Person member = fixtures.person("member");
        WebSession.signedIn(port, member.email(), Fixtures.PASSWORD);
        new Api(port).signIn(member);
        List<String> kinds = jdbc.sql("select kind from audit_event where subject_id = ? or actor_id = ?")
                .params(member.id(), member.id()).query(String.class).list();
        assertThat(kinds).as("the fixture's personal token is a security event; sign-ins, on a page or for the API, are"
                + " not kept").containsExactly("ACCESS_TOKEN_CREATED");
        assertThat(jdbc.sql("select occurred_at from audit_event").query(OffsetDateTime.class).list())
                .as("every entry keeps its day, not its time").isNotEmpty()
                .allSatisfy(at -> assertThat(at.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime())
                        .isEqualTo(LocalTime.MIDNIGHT));
    }

    @Test
    void anAdministratorsReadingOfTheAuditLogAndTheOutboxIsRecorded() {
        Person admin = fixtures.administrator();
        WebSession session = WebSession.signedIn(port, admin.email(), Fixtures.PASSWORD);
        assertThat(session.get("/admin/audit").status()).isEqualTo(200);
        assertThat(session.get("/admin/outbox").status()).isEqualTo(200);
        assertThat(jdbc.sql("select kind from audit_event where actor_id = ? and kind like '%READ' order by kind")
                .param(admin.id()).query(String.class).list()).containsExactly("AUDIT_READ", "OUTBOX_READ");
        assertThat(session.get("/admin/audit").body()).contains("Audit log read").contains("Outbox read");
    }

    @Test
    void oldAccountEventsSentMailAndExpiredTokensGo() {
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(AuditLog.ACCOUNT_EVENTS_DAYS + 1);
        UUID accountEvent = UUID.randomUUID();
        UUID groupEvent = UUID.randomUUID();
        jdbc.sql("insert into audit_event (id, occurred_at, kind) values (?, ?, 'SIGN_IN_FAILED')")
                .params(accountEvent, longAgo).update();
        jdbc.sql("insert into audit_event (id, occurred_at, group_id, kind) values (?, ?, ?, 'MEMBER_JOINED')")
                .params(groupEvent, longAgo, UUID.randomUUID()).update();
        audit.expire();
        assertThat(jdbc.sql("select id from audit_event where id in (?, ?)").params(accountEvent, groupEvent)
                .query(UUID.class).list()).as("a group's events are its record; an account's go")
                .containsExactly(groupEvent);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID waiting = mail(now.minusDays(2), now.plusDays(5));
        UUID linkDead = mail(now.minusHours(2), now.minusHours(1));
        UUID stale = mail(now.minusDays(8), now.minusDays(1));
        mailer.expire();
        assertThat(jdbc.sql("select id from mail_outbox where id in (?, ?, ?)").params(waiting, linkDead, stale)
                .query(UUID.class).list()).containsExactly(waiting);

        Person member = fixtures.person("member");
        new Api(port).signIn(member);
        jdbc.sql("update identity_token set expires_at = ? where account_id = ? and kind = 'sign-in'")
                .params(now.minusMinutes(1), member.id()).update();
        tokens.deleteExpired();
        assertThat(jdbc.sql("select count(*) from identity_token where account_id = ? and kind = 'sign-in'")
                .param(member.id()).query(Long.class).single()).isZero();
    }

    private UUID mail(OffsetDateTime at, OffsetDateTime expires) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into mail_outbox (id, recipient, subject, body, created_at, expires_at, delivered)
                values (?, 'someone@example.org', 'Update', 'Body', ?, ?, false)""").params(id, at, expires).update();
        return id;
    }
}
