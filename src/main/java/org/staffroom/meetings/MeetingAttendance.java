package org.staffroom.meetings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Role;
import org.staffroom.identity.Accounts;
import org.staffroom.meetings.Meetings.Present;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;

/** Who came to a past meeting: a count, or where the group takes attendance by name, the members present. */
@Service
public class MeetingAttendance {

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Groups groups;
    private final Accounts accounts;
    private final Meetings meetings;
    private final MeetingSettings settings;
    private final Clock clock;

    MeetingAttendance(JdbcClient jdbc, GroupAccess access, Groups groups, Accounts accounts, Meetings meetings,
            MeetingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.groups = groups;
        this.accounts = accounts;
        this.meetings = meetings;
        this.settings = settings;
        this.clock = clock;
    }

    /** The facilitator or an organiser records how many came, once the meeting has started. */
    @Transactional
    public void recordAttendance(UUID accountId, UUID groupId, UUID meetingId, Integer attended) {
        requireAttendanceTaker(accountId, groupId, meetingId);
        if (attended == null || attended < 0 || attended > 10_000) {
            throw new InvalidInput("attended", "meeting.attendance.invalid");
        }
        jdbc.sql("update meetings_meeting set attended = ? where id = ?").params(attended, meetingId).update();
    }

    /** Where the group takes attendance by name: who came, which also sets the count. */
    @Transactional
    public void recordAttendees(UUID accountId, UUID groupId, UUID meetingId, List<UUID> present) {
        requireAttendanceTaker(accountId, groupId, meetingId);
        if (!settings.of(groupId).attendanceByName()) {
            throw new DomainException.Conflict("meeting.attendance.countOnly");
        }
        Set<UUID> members = new HashSet<>(groups.memberIds(groupId));
        Set<UUID> came = new LinkedHashSet<>(present == null ? List.of() : present);
        if (!members.containsAll(came)) {
            throw new InvalidInput("present", "meeting.person.invalid");
        }
        jdbc.sql("delete from meetings_attendee where meeting_id = ?").param(meetingId).update();
        for (UUID id : came) {
            jdbc.sql("insert into meetings_attendee (meeting_id, account_id) values (?, ?)").params(meetingId, id)
                    .update();
        }
        jdbc.sql("update meetings_meeting set attended = ? where id = ?").params(came.size(), meetingId).update();
    }

    /** The group's members to tick off, for whoever takes attendance where the group does it by name. */
    public List<Present> attendanceSheet(UUID accountId, UUID groupId, UUID meetingId) {
        requireAttendanceTaker(accountId, groupId, meetingId);
        Set<UUID> came = new HashSet<>(jdbc.sql("select account_id from meetings_attendee where meeting_id = ?")
                .param(meetingId).query(UUID.class).list());
        return accounts.views(groups.memberIds(groupId)).values().stream()
                .map(person -> new Present(person.id(), person.displayName(), came.contains(person.id())))
                .sorted(Comparator.comparing(Present::name)).toList();
    }

    private void requireAttendanceTaker(UUID accountId, UUID groupId, UUID meetingId) {
        Role role = access.requireMember(groupId, accountId);
        Meetings.Row row = meetings.find(groupId, meetingId);
        if (role != Role.ORGANISER && !accountId.equals(row.facilitatorId())) {
            throw new DomainException.Forbidden("meeting.attendance.whoRecords");
        }
        if (row.startsAt().isAfter(OffsetDateTime.now(clock))) {
            throw new DomainException.Conflict("meeting.attendance.notStarted");
        }
    }
}
