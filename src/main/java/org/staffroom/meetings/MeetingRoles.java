package org.staffroom.meetings;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Groups;
import org.staffroom.meetings.Meetings.Suggestion;

/** Rotating the facilitator and note-taker: who should hold each role at the next meeting. */
@Service
public class MeetingRoles {

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Groups groups;

    MeetingRoles(JdbcClient jdbc, GroupAccess access, Groups groups) {
        this.jdbc = jdbc;
        this.access = access;
        this.groups = groups;
    }

    /**
     * Rotating roles: the member who has facilitated least recently (never, first) and, among the others, the
     * one who has taken notes least recently. Ties go to whoever has held either role least recently.
     */
    public Suggestion suggestRoles(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        Map<UUID, OffsetDateTime> facilitated = lastHeld(groupId, "facilitator_id");
        Map<UUID, OffsetDateTime> noted = lastHeld(groupId, "note_taker_id");
        Comparator<OffsetDateTime> neverFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        Comparator<UUID> byEither = Comparator.comparing((UUID id) -> Stream.of(facilitated.get(id), noted.get(id))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null), neverFirst)
                .thenComparing(UUID::toString);
        List<UUID> members = groups.memberIds(groupId);
        UUID facilitator = members.stream()
                .min(Comparator.comparing((UUID id) -> facilitated.get(id), neverFirst).thenComparing(byEither))
                .orElse(null);
        UUID noteTaker = members.stream().filter(id -> !id.equals(facilitator))
                .min(Comparator.comparing((UUID id) -> noted.get(id), neverFirst).thenComparing(byEither)).orElse(null);
        return new Suggestion(facilitator, noteTaker);
    }

    /** When each member last held a role ({@code column} is one of two fixed names, never input). */
    private Map<UUID, OffsetDateTime> lastHeld(UUID groupId, String column) {
        Map<UUID, OffsetDateTime> last = new HashMap<>();
        jdbc.sql("select " + column + " holder, max(starts_at) held from meetings_meeting where group_id = ?"
                + " and not cancelled and " + column + " is not null group by " + column)
                .param(groupId)
                .query((rs, n) -> last.put(rs.getObject("holder", UUID.class),
                        rs.getObject("held", OffsetDateTime.class)))
                .list();
        return last;
    }
}
