package org.staffroom.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.groups.GroupActivity;
import org.staffroom.shared.Times;

/** The group's next meeting (not cancelled, not yet over), and the member's own meeting actions past their date. */
@Component
class MeetingsToDo implements GroupActivity {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    MeetingsToDo(JdbcClient jdbc, Clock clock, @Value("${staffroom.time-zone:Europe/London}") ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    private record Next(UUID id, String title, OffsetDateTime startsAt) {
    }

    private record Action(UUID meetingId, String what, LocalDate dueOn) {
    }

    @Override
    public List<Task> toDo(UUID groupId, UUID accountId) {
        List<Task> tasks = new ArrayList<>();
        jdbc.sql("""
                select id, title, starts_at from meetings_meeting where group_id = ? and not cancelled and ends_at > ?
                order by starts_at limit 1""")
                .params(groupId, OffsetDateTime.now(clock)).query(Next.class).optional()
                .ifPresent(next -> tasks.add(new Task("toDo.meeting", next.title(),
                        "/groups/" + groupId + "/meetings/" + next.id(),
                        next.startsAt().atZoneSameInstant(zone).toLocalDateTime(), true, false)));
        jdbc.sql("""
                select meeting_id, what, due_on from meetings_action where group_id = ? and owner_id = ? and not done
                and due_on < ? order by due_on limit 10""")
                .params(groupId, accountId, Times.today(clock)).query(Action.class).list()
                .forEach(action -> tasks.add(new Task("toDo.action", action.what(),
                        "/groups/" + groupId + "/meetings/" + action.meetingId(), action.dueOn().atStartOfDay(), false,
                        true)));
        return tasks;
    }
}
