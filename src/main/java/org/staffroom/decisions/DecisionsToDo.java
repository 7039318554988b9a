package org.staffroom.decisions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.groups.GroupActivity;
import org.staffroom.identity.AnonymousTags;

/**
 * The open proposals a member has not voted on. For a secret ballot that is known only while their signing
 * secret is unlocked; while it is locked the proposal is listed, as the proposal's page asks them to unlock.
 */
@Component
class DecisionsToDo implements GroupActivity {

    private final JdbcClient jdbc;
    private final AnonymousTags tags;
    private final Clock clock;
    private final ZoneId zone;

    DecisionsToDo(JdbcClient jdbc, AnonymousTags tags, Clock clock,
            @Value("${staffroom.time-zone:Europe/London}") ZoneId zone) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.clock = clock;
        this.zone = zone;
    }

    private record Open(UUID id, String title, boolean secret, OffsetDateTime closesAt) {
    }

    @Override
    public List<Task> toDo(UUID groupId, UUID accountId) {
        return jdbc.sql("""
                select id, title, secret, closes_at from decisions_proposal where group_id = ? and closes_at > ?
                order by closes_at limit 20""")
                .params(groupId, OffsetDateTime.now(clock)).query(Open.class).list().stream()
                .filter(open -> !voted(open, accountId))
                .map(open -> new Task("toDo.vote", open.title(), "/groups/" + groupId + "/proposals/" + open.id(),
                        open.closesAt().atZoneSameInstant(zone).toLocalDateTime(), true, false))
                .toList();
    }

    private boolean voted(Open open, UUID accountId) {
        String voter = open.secret()
                ? tags.tagIfUnlocked(accountId, Proposals.scope(open.id())).orElse(null)
                : accountId.toString();
        return voter != null && jdbc.sql("select count(*) from decisions_ballot where proposal_id = ? and voter = ?")
                .params(open.id(), voter).query(Long.class).single() > 0;
    }
}
