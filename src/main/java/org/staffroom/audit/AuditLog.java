package org.staffroom.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.staffroom.directory.JoinRequests.JoinRequestHandled;
import org.staffroom.directory.JoinRequests.JoinRequestsViewed;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.GroupEvents.InvitationCreated;
import org.staffroom.groups.GroupEvents.InvitationRevoked;
import org.staffroom.groups.GroupEvents.MemberJoined;
import org.staffroom.groups.GroupEvents.MemberRemoved;
import org.staffroom.groups.GroupEvents.RoleChanged;
import org.staffroom.identity.AccountEvents;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.mail.Mailer.OutboxRead;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.Jobs;
import org.staffroom.shared.Times;

/** Listens to the events of other features and keeps a content-free record of them. */
@Service
public class AuditLog {

    public record Entry(OffsetDateTime occurredAt, String kind, String actor, String subject) {
    }

    private record Row(OffsetDateTime occurredAt, String kind, @Nullable UUID actorId, @Nullable UUID subjectId) {
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Accounts accounts;
    private final Clock clock;
    private final Jobs jobs;

    static final int ACCOUNT_EVENTS_DAYS = 90;

    AuditLog(JdbcClient jdbc, GroupAccess access, Accounts accounts, Clock clock, Jobs jobs) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    void on(AccountEvents.SignInFailed event) {
        record(null, null, event.accountId(), "SIGN_IN_FAILED");
    }

    @EventListener
    void on(AccountEvents.SignInThrottled event) {
        record(null, null, event.accountId(), "SIGN_IN_THROTTLED");
    }

    @EventListener
    void on(AccountEvents.PasswordChanged event) {
        record(null, event.accountId(), event.accountId(), "PASSWORD_CHANGED");
    }

    @EventListener
    void on(AccountEvents.PasswordResetRequested event) {
        record(null, null, event.accountId(), "PASSWORD_RESET_REQUESTED");
    }

    @EventListener
    void on(AccountEvents.AccessTokenCreated event) {
        record(null, event.accountId(), event.accountId(), "ACCESS_TOKEN_CREATED");
    }

    @EventListener
    void on(AccountEvents.PasskeyAdded event) {
        record(null, event.accountId(), event.accountId(), "PASSKEY_ADDED");
    }

    @EventListener
    void on(AccountEvents.PasskeyRemoved event) {
        record(null, event.accountId(), event.accountId(), "PASSKEY_REMOVED");
    }

    /**
     * The deletion is recorded, naming no one; the account's own events (sign-in failures, tokens, passkeys)
     * go, and a group's events about it (joined, role changed) stay as the group's record but no longer name
     * it: otherwise its id would still tie "joined group X" to whatever else kept it.
     */
    @EventListener
    void on(AccountEvents.AccountDeleted event) {
        UUID id = event.accountId();
        jdbc.sql("delete from audit_event where group_id is null and (actor_id = ? or subject_id = ?)")
                .params(id, id).update();
        jdbc.sql("update audit_event set actor_id = null where actor_id = ?").param(id).update();
        jdbc.sql("update audit_event set subject_id = null where subject_id = ?").param(id).update();
        record(null, null, null, "ACCOUNT_DELETED");
    }

    @EventListener
    void on(org.staffroom.concerns.ConcernEvents.CommentHidden event) {
        record(event.groupId(), event.organiserId(), null, event.hidden() ? "COMMENT_HIDDEN" : "COMMENT_SHOWN");
    }

    @EventListener
    void on(RoleChanged event) {
        record(event.groupId(), event.actorId(), event.memberId(), "ROLE_CHANGED_TO_" + event.role());
    }

    @EventListener
    void on(MemberJoined event) {
        record(event.groupId(), event.accountId(), event.accountId(), "MEMBER_JOINED");
    }

    @EventListener
    void on(MemberRemoved event) {
        record(event.groupId(), event.actorId(), event.memberId(), "MEMBER_REMOVED");
    }

    @EventListener
    void on(InvitationCreated event) {
        record(event.groupId(), event.actorId(), null, "INVITATION_CREATED");
    }

    @EventListener
    void on(InvitationRevoked event) {
        record(event.groupId(), event.actorId(), null, "INVITATION_REVOKED");
    }

    @EventListener
    void on(JoinRequestHandled event) {
        record(event.groupId(), event.organiserId(), null,
                event.approved() ? "JOIN_REQUEST_APPROVED" : "JOIN_REQUEST_DECLINED");
    }

    @EventListener
    void on(OutboxRead event) {
        record(null, event.administratorId(), null, "OUTBOX_READ");
    }

    @EventListener
    void on(JoinRequestsViewed event) {
        record(event.groupId(), event.organiserId(), null, "JOIN_REQUESTS_VIEWED");
    }

    /**
     * Records an event with its day only: a time would say who was active at the hour an anonymous act was
     * released (docs/anonymity.md). Sign-ins are not recorded at all; the account page lists a member's
     * sessions while they last.
     */
    private void record(@Nullable UUID groupId, @Nullable UUID actorId, @Nullable UUID subjectId, String kind) {
        jdbc.sql("""
                insert into audit_event (id, occurred_at, group_id, actor_id, subject_id, kind)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), Times.today(clock).atStartOfDay().atOffset(java.time.ZoneOffset.UTC),
                        groupId,
                        actorId, subjectId, kind)
                .update();
    }

    /**
     * Every night, events about accounts rather than groups (failed sign-ins, new tokens and passkeys, reads of
     * this log) older than {@value #ACCOUNT_EVENTS_DAYS} days are deleted; a group's events stay as its record.
     */
    @Scheduled(cron = "${staffroom.audit.expire-cron:0 45 3 * * *}")
    void expireScheduled() {
        jobs.onClock("audit-expire", this::expire);
    }

    public int expire() {
        return jdbc.sql("delete from audit_event where group_id is null and occurred_at < ?")
                .param(Times.today(clock).minusDays(ACCOUNT_EVENTS_DAYS).atStartOfDay()
                        .atOffset(java.time.ZoneOffset.UTC))
                .update();
    }

    /** A group's events, for its organisers. */
    public List<Entry> forGroup(UUID organiserId, UUID groupId) {
        access.requireOrganiser(groupId, organiserId);
        return entries(jdbc.sql("""
                select occurred_at, kind, actor_id, subject_id from audit_event
                where group_id = ? order by occurred_at desc limit 500""").param(groupId).query(Row.class).list());
    }

    /** Every event, for administrators; their reading is itself recorded. */
    @org.springframework.transaction.annotation.Transactional
    public List<Entry> all(UUID administratorId) {
        if (!accounts.get(administratorId).administrator()) {
            throw new DomainException.Forbidden("error.administratorsOnly");
        }
        record(null, administratorId, null, "AUDIT_READ");
        return entries(jdbc.sql("""
                select occurred_at, kind, actor_id, subject_id from audit_event
                order by occurred_at desc limit 500""").query(Row.class).list());
    }

    private List<Entry> entries(List<Row> rows) {
        Map<UUID, AccountView> names = accounts.views(rows.stream()
                .flatMap(row -> Stream.of(row.actorId(), row.subjectId())).filter(Objects::nonNull).distinct()
                .toList());
        return rows.stream().map(row -> new Entry(row.occurredAt(), row.kind(), name(names, row.actorId()),
                name(names, row.subjectId()))).toList();
    }

    private static String name(Map<UUID, AccountView> names, @Nullable UUID id) {
        if (id == null) {
            return "";
        }
        AccountView view = names.get(id);
        return view == null ? "—" : view.displayName();
    }
}
