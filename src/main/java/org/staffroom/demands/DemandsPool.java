package org.staffroom.demands;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.shared.AnonymousPool;
import org.staffroom.shared.AnonymousRows;
import org.staffroom.shared.AnonymousRows.Table;

/**
 * Support for demands between request and release (docs/anonymity.md, "The pool"), named or not (both move
 * the same count): a demand's is released once {@value #BATCH} wait, and at the end of each release period.
 */
@Component
class DemandsPool implements AnonymousPool {

    static final int BATCH = 3;
    private static final Table SUPPORTERS = new Table("demands_supporter", "demand_id", "supporter");

    private final JdbcClient jdbc;

    DemandsPool(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "demands";
    }

    @Override
    public int mix(AnonymousRows rows) {
        return rows.rewrite(SUPPORTERS, "not released");
    }

    @Override
    public int release(boolean periodEnd) {
        int released = 0;
        for (UUID demandId : jdbc.sql("select demand_id from demands_supporter where not released group by demand_id"
                + (periodEnd ? "" : " having count(*) >= " + BATCH)).query(UUID.class).list()) {
            released += jdbc.sql("update demands_supporter set released = true where demand_id = ? and not released")
                    .param(demandId).update();
        }
        return released;
    }

    @Override
    public List<String> tables() {
        return List.of("demands_supporter");
    }
}
