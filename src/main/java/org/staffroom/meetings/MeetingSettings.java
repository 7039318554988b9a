package org.staffroom.meetings;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.groups.GroupAccess;
import org.staffroom.meetings.Meetings.Settings;

/** How a group runs its meetings: whether members may schedule them and whether attendance is taken by name. */
@Service
public class MeetingSettings {

    private final JdbcClient jdbc;
    private final GroupAccess access;

    MeetingSettings(JdbcClient jdbc, GroupAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public Settings settings(UUID accountId, UUID groupId) {
        access.requireMember(groupId, accountId);
        return of(groupId);
    }

    /** The group's settings, without checking who asks; the defaults until an organiser changes them. */
    Settings of(UUID groupId) {
        return jdbc.sql("select members_can_schedule, attendance_by_name from meetings_settings where group_id = ?")
                .param(groupId).query(Settings.class).optional().orElse(new Settings(false, false));
    }

    /** Organisers choose whether members may schedule meetings and whether attendance is taken by name. */
    @Transactional
    public void changeSettings(UUID accountId, UUID groupId, Settings settings) {
        access.requireOrganiser(groupId, accountId);
        int updated = jdbc
                .sql("update meetings_settings set members_can_schedule = ?, attendance_by_name = ? where group_id = ?")
                .params(settings.membersCanSchedule(), settings.attendanceByName(), groupId).update();
        if (updated == 0) {
            jdbc.sql(
                    "insert into meetings_settings (group_id, members_can_schedule, attendance_by_name) values (?, ?, ?)")
                    .params(groupId, settings.membersCanSchedule(), settings.attendanceByName()).update();
        }
    }
}
