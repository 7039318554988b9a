package org.staffroom.concerns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.groups.GroupActivity;
import org.staffroom.shared.Times;

/** The steps of a grievance's plan that the member took on and has not done by their date. */
@Component
class GrievancesToDo implements GroupActivity {

    private final JdbcClient jdbc;
    private final Clock clock;

    GrievancesToDo(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Step(UUID grievanceId, String what, LocalDate dueOn) {
    }

    @Override
    public List<Task> toDo(UUID groupId, UUID accountId) {
        return jdbc.sql("""
                select p.grievance_id, p.what, p.due_on from concerns_plan_item p
                join concerns_grievance g on g.id = p.grievance_id
                where g.group_id = ? and p.owner_id = ? and not p.done and p.due_on < ? order by p.due_on limit 10""")
                .params(groupId, accountId, Times.today(clock)).query(Step.class).list().stream()
                .map(step -> new Task("toDo.action", step.what(),
                        "/groups/" + groupId + "/grievances/" + step.grievanceId() + "/plan",
                        step.dueOn().atStartOfDay(),
                        false, true))
                .toList();
    }
}
