package org.staffroom.meetings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.groups.GroupActivity;

/**
 * Meetings' figures per month for the momentum page. Active members are those who, that month, said they
 * would come to a meeting, joined a speaking queue or were recorded as present by name: what members do
 * under their name. Anonymous acts (concerns, co-signatures, secret ballots) are not counted, by design.
 * Actions done on time are those due that month marked done by their date, out of all due that month.
 */
@Component
@Order(1)
class MeetingsActivity implements GroupActivity {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    MeetingsActivity(JdbcClient jdbc, @Value("${staffroom.time-zone:Europe/London}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public List<Monthly> monthly(UUID groupId, YearMonth from, YearMonth to) {
        OffsetDateTime start = from.atDay(1).atStartOfDay(zone).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        Map<YearMonth, Set<UUID>> active = new HashMap<>();
        jdbc.sql("""
                select m.starts_at, r.account_id from meetings_meeting m join meetings_rsvp r on r.meeting_id = m.id
                where m.group_id = ? and m.starts_at >= ? and m.starts_at < ? and r.answer = 'YES'
                union all
                select m.starts_at, s.account_id from meetings_meeting m join meetings_speaker s on s.meeting_id = m.id
                where m.group_id = ? and m.starts_at >= ? and m.starts_at < ?
                union all
                select m.starts_at, a.account_id from meetings_meeting m join meetings_attendee a on a.meeting_id = m.id
                where m.group_id = ? and m.starts_at >= ? and m.starts_at < ?""")
                .params(groupId, start, end, groupId, start, end, groupId, start, end)
                .query((rs, n) -> active.computeIfAbsent(
                        YearMonth.from(rs.getObject("starts_at", OffsetDateTime.class).atZoneSameInstant(zone)),
                        month -> new HashSet<>()).add(rs.getObject("account_id", UUID.class)))
                .list();
        record Due(LocalDate dueOn, boolean onTime) {
        }
        List<Due> due = jdbc.sql("""
                select due_on, case when done and done_on <= due_on then true else false end on_time
                from meetings_action where group_id = ? and due_on >= ? and due_on <= ?""")
                .params(groupId, from.atDay(1), to.atEndOfMonth()).query(Due.class).list();
        return List.of(
                new Monthly("momentum.activeMembers", GroupActivity.perMonth(from, to,
                        month -> new MonthCount(month, active.getOrDefault(month, Set.of()).size(), null))),
                new Monthly("momentum.actionsOnTime", GroupActivity.perMonth(from, to, month -> {
                    List<Due> inMonth = due.stream().filter(d -> YearMonth.from(d.dueOn()).equals(month)).toList();
                    return new MonthCount(month, (int) inMonth.stream().filter(Due::onTime).count(), inMonth.size());
                })));
    }
}
