package org.staffroom.concerns;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.identity.AccountEvents.AccountDeleted;
import org.staffroom.shared.AnonymousRows;

/**
 * When an account is deleted, what it did by name stays (a concern, a co-signature, a plan step) but no
 * longer points at anyone; its choice of e-mails goes. What it did anonymously never pointed at it.
 */
@Component
class AccountCleanup {

    private final JdbcClient jdbc;
    private final AnonymousRows rows;

    AccountCleanup(JdbcClient jdbc, AnonymousRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventListener
    void on(AccountDeleted deleted) {
        var id = deleted.accountId();
        rows.lock(ConcernsPool.NAME); // the job may be writing these rows again (AnonymousPool)
        jdbc.sql("delete from concerns_notify where account_id = ?").param(id).update();
        jdbc.sql("update concerns_concern set author_id = null where author_id = ?").param(id).update();
        jdbc.sql("update concerns_cosign set account_id = null where account_id = ?").param(id).update();
        jdbc.sql("update concerns_message set organiser_id = null where organiser_id = ?").param(id).update();
        jdbc.sql("update concerns_comment set author_id = null where author_id = ?").param(id).update();
        jdbc.sql("update concerns_comment set hidden_by = null where hidden_by = ?").param(id).update();
        jdbc.sql("update concerns_grievance_info set added_by = null where added_by = ?").param(id).update();
        jdbc.sql("update concerns_plan_item set owner_id = null where owner_id = ?").param(id).update();
        jdbc.sql("update concerns_grievance_event set actor_id = null where actor_id = ?").param(id).update();
    }
}
