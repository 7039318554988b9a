package org.staffroom.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.Groups;
import org.staffroom.identity.AccountEvents.AccountDeleted;
import org.staffroom.identity.AccountEvents.SessionsRevoked;
import org.staffroom.identity.PersonalLinks;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.Times;

/**
 * Each member's private calendar feed: one secret link (kept as a hash) that a calendar app polls, giving
 * the meetings of every group the member is in, from 30 days back. A new link replaces the old one.
 */
@Service
public class CalendarFeeds implements PersonalLinks {

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final Groups groups;
    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, Meetings meetings, Groups groups, Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.groups = groups;
        this.clock = clock;
    }

    public boolean has(UUID accountId) {
        return jdbc.sql("select count(*) from meetings_feed where account_id = ?").param(accountId)
                .query(Long.class).single() > 0;
    }

    /** Makes a new secret link, which replaces any earlier one; the secret is shown once. */
    @Transactional
    public String renew(UUID accountId) {
        String token = SecretTokens.newToken(32);
        revoke(accountId);
        jdbc.sql("insert into meetings_feed (account_id, token_hash, created_on) values (?, ?, ?)")
                .params(accountId, SecretTokens.hash(token), Times.today(clock)).update();
        return token;
    }

    @Transactional
    public void revoke(UUID accountId) {
        jdbc.sql("delete from meetings_feed where account_id = ?").param(accountId).update();
    }

    /** The feed behind a secret link, or empty when the link is unknown or revoked. */
    public Optional<String> feed(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from meetings_feed where token_hash = ?").param(SecretTokens.hash(token))
                .query(UUID.class).optional().map(this::calendarOf);
    }

    private String calendarOf(UUID accountId) {
        OffsetDateTime since = OffsetDateTime.now(clock).minusDays(30);
        List<Meetings.View> all = groups.memberships(accountId).stream()
                .flatMap(m -> meetings.idsSince(m.groupId(), since).stream()
                        .map(id -> meetings.get(accountId, m.groupId(), id)))
                .toList();
        return MeetingCalendar.of(all, Instant.now(clock));
    }

    @Override
    public List<Link> of(UUID accountId) {
        return jdbc.sql("select created_on from meetings_feed where account_id = ?").param(accountId)
                .query(LocalDate.class).list().stream()
                .map(madeOn -> new Link("account.links.calendar", madeOn, "/account/calendar/revoke")).toList();
    }

    @EventListener
    void on(AccountDeleted deleted) {
        revoke(deleted.accountId());
    }

    /** The link ends with the member's sessions and keys: a password change, a reset, signing out everywhere. */
    @EventListener
    void on(SessionsRevoked revoked) {
        revoke(revoked.accountId());
    }
}
