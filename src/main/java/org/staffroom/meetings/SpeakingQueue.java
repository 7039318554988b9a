package org.staffroom.meetings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Role;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;

/**
 * The speaking queue: members put themselves on it from their phones; the facilitator calls the next
 * speaker, and the order puts people who have not spoken yet before those who have (turn-taking), then
 * the order of asking.
 */
@Service
public class SpeakingQueue {

    public record Speaker(UUID entryId, @Nullable String name, int spokenBefore, boolean me) {
    }

    /**
     * {@code speaking} is null when nobody has the floor; {@code myTurn} when the one asking has it, and
     * {@code imNext} when they are first of those waiting; {@code canRun} for the facilitator and organisers;
     * {@code ended} once the meeting's end time has passed, when the queue is closed.
     */
    public record State(UUID meetingId, UUID groupId, String meetingTitle, @Nullable Speaker speaking,
            List<Speaker> waiting,
            boolean imWaiting, boolean myTurn, boolean imNext, @Nullable Integer speakingSeconds, boolean canRun,
            boolean ended) {
    }

    private record Entry(UUID id, UUID accountId, int position, String state) {
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Accounts accounts;
    private final Clock clock;

    SpeakingQueue(JdbcClient jdbc, GroupAccess access, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    private record MeetingRow(String title, UUID facilitatorId, Integer speakingSeconds, boolean cancelled,
            OffsetDateTime endsAt) {
    }

    private MeetingRow meeting(UUID groupId, UUID meetingId) {
        return jdbc.sql("""
                select title, facilitator_id, speaking_seconds, cancelled, ends_at from meetings_meeting
                where id = ? and group_id = ?""")
                .params(meetingId, groupId).query(MeetingRow.class).optional()
                .orElseThrow(DomainException.NotFound::new);
    }

    /** Once the meeting has ended its queue is closed: nobody joins, leaves or is given the floor. */
    private MeetingRow requireOpen(MeetingRow meeting) {
        if (Meetings.ended(meeting.endsAt(), clock)) {
            throw new DomainException.Conflict("meeting.ended.queue");
        }
        return meeting;
    }

    private void lock(UUID meetingId) {
        jdbc.sql("select id from meetings_meeting where id = ? for update").param(meetingId).query(UUID.class).single();
    }

    private List<Entry> entries(UUID meetingId) {
        return jdbc.sql(
                "select id, account_id, position, state from meetings_speaker where meeting_id = ? order by position")
                .param(meetingId).query(Entry.class).list();
    }

    public State state(UUID accountId, UUID groupId, UUID meetingId) {
        Role role = access.requireMember(groupId, accountId);
        MeetingRow meeting = meeting(groupId, meetingId);
        List<Entry> entries = entries(meetingId);
        Map<UUID, Long> spoken = turns(entries);
        Map<UUID, AccountView> people = accounts.views(entries.stream().map(Entry::accountId).distinct().toList());
        Function<Entry, Speaker> speaker = e -> new Speaker(e.id(),
                people.get(e.accountId()) == null ? null : people.get(e.accountId()).displayName(),
                spoken.getOrDefault(e.accountId(), 0L).intValue(), e.accountId().equals(accountId));
        Speaker speaking = entries.stream().filter(e -> e.state().equals("SPEAKING")).findFirst().map(speaker)
                .orElse(null);
        List<Speaker> waiting = order(entries, spoken).stream().map(speaker).toList();
        boolean imWaiting = entries.stream()
                .anyMatch(e -> e.accountId().equals(accountId) && e.state().equals("WAITING"));
        return new State(meetingId, groupId, meeting.title(), speaking, waiting, imWaiting,
                speaking != null && speaking.me(), !waiting.isEmpty() && waiting.getFirst().me(),
                meeting.speakingSeconds(),
                role == Role.ORGANISER || accountId.equals(meeting.facilitatorId()),
                Meetings.ended(meeting.endsAt(), clock));
    }

    /** Turns each member has had or is having: whoever has the floor now counts as having spoken. */
    private static Map<UUID, Long> turns(List<Entry> entries) {
        return entries.stream().filter(e -> e.state().equals("DONE") || e.state().equals("SPEAKING"))
                .collect(Collectors.groupingBy(Entry::accountId, Collectors.counting()));
    }

    /** Waiting entries: fewest turns already taken first, then the order of asking. */
    static List<Entry> order(List<Entry> entries, Map<UUID, Long> spoken) {
        return entries.stream().filter(e -> e.state().equals("WAITING"))
                .sorted(Comparator.<Entry>comparingLong(e -> spoken.getOrDefault(e.accountId(), 0L))
                        .thenComparingInt(Entry::position))
                .toList();
    }

    /** A member asks to speak; asking again while waiting changes nothing. */
    @Transactional
    public void join(UUID accountId, UUID groupId, UUID meetingId) {
        access.requireMember(groupId, accountId);
        if (requireOpen(meeting(groupId, meetingId)).cancelled()) {
            throw new DomainException.Conflict("meeting.cancelled");
        }
        // the meeting's count of requests to speak holds the meeting's row like lock() and numbers this one;
        // numbers are never reused, even after a request is withdrawn and its row deleted
        jdbc.sql("update meetings_meeting set queue_asked = queue_asked + 1 where id = ?").param(meetingId).update();
        List<Entry> entries = entries(meetingId);
        if (entries.stream().anyMatch(e -> e.accountId().equals(accountId) && e.state().equals("WAITING"))) {
            return;
        }
        int position = jdbc.sql("select queue_asked from meetings_meeting where id = ?").param(meetingId)
                .query(Integer.class).single();
        jdbc.sql(
                "insert into meetings_speaker (id, meeting_id, account_id, position, state) values (?, ?, ?, ?, 'WAITING')")
                .params(UUID.randomUUID(), meetingId, accountId, position).update();
    }

    @Transactional
    public void leave(UUID accountId, UUID groupId, UUID meetingId) {
        access.requireMember(groupId, accountId);
        requireOpen(meeting(groupId, meetingId));
        lock(meetingId);
        // a request withdrawn before its turn leaves no trace: nothing reads it, and a busy meeting's queue
        // would otherwise grow with every change of mind
        jdbc.sql("delete from meetings_speaker where meeting_id = ? and account_id = ? and state = 'WAITING'")
                .params(meetingId, accountId).update();
    }

    /** The facilitator ends the current turn and gives the floor to the first in order, if any. */
    @Transactional
    public void next(UUID accountId, UUID groupId, UUID meetingId) {
        requireFacilitator(accountId, groupId, meetingId);
        lock(meetingId);
        jdbc.sql("update meetings_speaker set state = 'DONE' where meeting_id = ? and state = 'SPEAKING'")
                .param(meetingId)
                .update();
        List<Entry> entries = entries(meetingId);
        order(entries, turns(entries)).stream().findFirst().ifPresent(first -> jdbc
                .sql("update meetings_speaker set state = 'SPEAKING' where id = ?").param(first.id()).update());
    }

    /** The facilitator takes someone off the queue. */
    @Transactional
    public void remove(UUID accountId, UUID groupId, UUID meetingId, UUID entryId) {
        requireFacilitator(accountId, groupId, meetingId);
        lock(meetingId);
        int changed = jdbc.sql("delete from meetings_speaker where id = ? and meeting_id = ? and state = 'WAITING'")
                .params(entryId, meetingId).update();
        if (changed == 0) {
            throw new DomainException.NotFound();
        }
    }

    /** The facilitator sets a time limit per speaker (30 seconds to 30 minutes), or none. */
    @Transactional
    public void limit(UUID accountId, UUID groupId, UUID meetingId, Integer seconds) {
        requireFacilitator(accountId, groupId, meetingId);
        if (seconds != null && (seconds < 30 || seconds > 1800)) {
            throw new InvalidInput("seconds", "meeting.queue.limit.invalid");
        }
        jdbc.sql("update meetings_meeting set speaking_seconds = ? where id = ?").params(seconds, meetingId).update();
    }

    private void requireFacilitator(UUID accountId, UUID groupId, UUID meetingId) {
        Role role = access.requireMember(groupId, accountId);
        MeetingRow meeting = meeting(groupId, meetingId);
        if (role != Role.ORGANISER && !Objects.equals(accountId, meeting.facilitatorId())) {
            throw new DomainException.Forbidden("meeting.queue.facilitatorOnly");
        }
        requireOpen(meeting);
    }
}
