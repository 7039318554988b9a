package org.staffroom.concerns;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.groups.GroupActivity;

/**
 * Concerns and grievances on the group's overview pages: open ones for a meeting's agenda, concerns raised
 * per month for the momentum page, and grievances won for the group page. Withdrawn concerns are left out
 * everywhere, as they are from the list.
 */
@Component
@Order(2)
class ConcernsActivity implements GroupActivity {

    private static final int AGENDA_CHOICES = 30;

    private final JdbcClient jdbc;

    ConcernsActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Item> agendaItems(UUID groupId) {
        String base = "/groups/" + groupId;
        List<Item> grievances = jdbc.sql("""
                select id, title from concerns_grievance where group_id = ? and status in ('OPEN', 'IN_PROGRESS')
                order by adopted_on desc, id limit ?""")
                .params(groupId, AGENDA_CHOICES)
                .query((rs, n) -> new Item("grievance.pageTitle", rs.getObject("id", UUID.class), rs.getString("title"),
                        base + "/grievances/" + rs.getObject("id", UUID.class)))
                .list();
        List<Item> concerns = jdbc.sql("""
                select id, title from concerns_concern where group_id = ? and released and status = 'OPEN'
                order by raised_on desc, id limit ?""")
                .params(groupId, AGENDA_CHOICES)
                .query((rs, n) -> new Item("concern.pageTitle", rs.getObject("id", UUID.class), rs.getString("title"),
                        base + "/concerns/" + rs.getObject("id", UUID.class)))
                .list();
        return Stream.concat(grievances.stream(), concerns.stream()).toList();
    }

    @Override
    public List<Win> wins(UUID groupId) {
        return jdbc.sql("""
                select g.id, g.title, g.status,
                    (select max(e.occurred_on) from concerns_grievance_event e where e.grievance_id = g.id) ended_on
                from concerns_grievance g where g.group_id = ? and g.status in ('WON', 'PARTLY_WON')""")
                .param(groupId)
                .query((rs, n) -> new Win(rs.getString("title"), "grievanceStatus." + rs.getString("status"),
                        rs.getObject("ended_on", LocalDate.class),
                        "/groups/" + groupId + "/grievances/" + rs.getObject("id", UUID.class)))
                .list();
    }

    @Override
    public List<Monthly> monthly(UUID groupId, YearMonth from, YearMonth to) {
        List<LocalDate> raised = jdbc.sql("""
                select raised_on from concerns_concern where group_id = ? and released and status <> 'WITHDRAWN'
                and raised_on >= ? and raised_on <= ?""")
                .params(groupId, from.atDay(1), to.atEndOfMonth()).query(LocalDate.class).list();
        return List.of(new Monthly("momentum.concernsRaised", GroupActivity.countPerMonth(raised, from, to)));
    }
}
