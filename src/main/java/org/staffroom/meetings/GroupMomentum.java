package org.staffroom.meetings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.GroupActivity;
import org.staffroom.groups.Role;
import org.staffroom.meetings.Meetings.Attended;
import org.staffroom.meetings.Meetings.Momentum;
import org.staffroom.meetings.Meetings.Warning;

/** The momentum page: whether the group keeps meeting and acting, and what its organisers should worry about. */
@Service
public class GroupMomentum {

    static final int MOMENTUM_MONTHS = 6;

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final List<GroupActivity> activities;
    private final Clock clock;
    private final ZoneId zone;

    GroupMomentum(JdbcClient jdbc, GroupAccess access, List<GroupActivity> activities, Clock clock,
            @Value("${staffroom.time-zone:Europe/London}") ZoneId zone) {
        this.jdbc = jdbc;
        this.access = access;
        this.activities = activities;
        this.clock = clock;
        this.zone = zone;
    }

    public Momentum momentum(UUID accountId, UUID groupId) {
        Role role = access.requireMember(groupId, accountId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Attended> recent = new ArrayList<>(jdbc.sql("""
                select id, title, starts_at, attended from meetings_meeting
                where group_id = ? and starts_at <= ? and not cancelled order by starts_at desc limit 12""")
                .params(groupId, now)
                .query((rs, n) -> new Attended(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getObject("starts_at", OffsetDateTime.class).atZoneSameInstant(zone),
                        (Integer) rs.getObject("attended")))
                .list());
        Collections.reverse(recent);
        List<Warning> warnings = new ArrayList<>();
        if (role == Role.ORGANISER) {
            if (falling(recent.stream().map(Attended::attended).filter(Objects::nonNull).toList())) {
                warnings.add(Warning.ATTENDANCE_FALLING);
            }
            boolean planned = jdbc
                    .sql("select count(*) from meetings_meeting where group_id = ? and starts_at > ? and not cancelled")
                    .params(groupId, now).query(Long.class).single() > 0;
            if (!planned) {
                warnings.add(Warning.NO_MEETING_PLANNED);
            }
        }
        YearMonth to = YearMonth.now(clock.withZone(zone));
        YearMonth from = to.minusMonths(MOMENTUM_MONTHS - 1);
        List<GroupActivity.Monthly> monthly = activities.stream()
                .flatMap(a -> a.monthly(groupId, from, to).stream()).toList();
        return new Momentum(recent, monthly, warnings);
    }

    /** True when each of the last three recorded attendances is lower than the one before. */
    static boolean falling(List<Integer> attendance) {
        if (attendance.size() < 4) {
            return false;
        }
        List<Integer> last = attendance.subList(attendance.size() - 4, attendance.size());
        return last.get(1) < last.get(0) && last.get(2) < last.get(1) && last.get(3) < last.get(2);
    }
}
