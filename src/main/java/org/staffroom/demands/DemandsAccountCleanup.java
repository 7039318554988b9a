package org.staffroom.demands;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.identity.AccountEvents.AccountDeleted;
import org.staffroom.shared.AnonymousRows;

/**
 * When an account is deleted, its support still counts, but its name leaves the letter: the open signature
 * no longer points at it. The supporter tag was derived from a key that goes with the account.
 */
@Component
class DemandsAccountCleanup {

    private final JdbcClient jdbc;
    private final AnonymousRows rows;

    DemandsAccountCleanup(JdbcClient jdbc, AnonymousRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventListener
    void on(AccountDeleted deleted) {
        rows.lock("demands"); // the mixing job may be writing these rows again (DemandsPool)
        jdbc.sql("update demands_supporter set signed_by = null where signed_by = ?").param(deleted.accountId())
                .update();
    }
}
