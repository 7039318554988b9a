package org.staffroom.demands;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.groups.GroupActivity;

/**
 * Demands on the group's overview pages: open ones for a meeting's agenda, wins for the group page and
 * demands won per month (by the date the outcome was recorded as happening) for the momentum page.
 */
@Component
@Order(3)
class DemandsActivity implements GroupActivity {

    private static final String WON = "d.outcome in ('MET', 'PARTLY_MET')";

    private final JdbcClient jdbc;

    DemandsActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Item> agendaItems(UUID groupId) {
        return jdbc.sql("""
                select id, what from demands_demand where group_id = ? and status <> 'CLOSED'
                order by created_on desc, id limit 30""")
                .param(groupId)
                .query((rs, n) -> new Item("demand.pageTitle", rs.getObject("id", UUID.class), rs.getString("what"),
                        "/groups/" + groupId + "/demands/" + rs.getObject("id", UUID.class)))
                .list();
    }

    @Override
    public List<Win> wins(UUID groupId) {
        return jdbc
                .sql("""
                        select d.id, d.what, d.outcome,
                            (select max(e.occurred_on) from demands_event e where e.demand_id = d.id and e.kind = 'OUTCOME') won_on
                        from demands_demand d where d.group_id = ? and"""
                        + " " + WON)
                .param(groupId)
                .query((rs, n) -> new Win(rs.getString("what"), "demandOutcome." + rs.getString("outcome"),
                        rs.getObject("won_on", LocalDate.class),
                        "/groups/" + groupId + "/demands/" + rs.getObject("id", UUID.class)))
                .list();
    }

    @Override
    public List<Monthly> monthly(UUID groupId, YearMonth from, YearMonth to) {
        List<LocalDate> won = jdbc
                .sql("""
                        select e.occurred_on from demands_event e join demands_demand d on d.id = e.demand_id
                        where d.group_id = ? and e.kind = 'OUTCOME' and e.occurred_on >= ? and e.occurred_on <= ? and"""
                        + " " + WON)
                .params(groupId, from.atDay(1), to.atEndOfMonth()).query(LocalDate.class).list();
        return List.of(new Monthly("momentum.demandsWon", GroupActivity.countPerMonth(won, from, to)));
    }
}
