package org.staffroom.decisions;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.identity.AccountEvents.AccountDeleted;
import org.staffroom.shared.AnonymousRows;

/**
 * When an account is deleted, its open ballots still count but are filed under a random voter that resolves
 * to nobody (an open ballot is kept under the account's id, so that the voters can be shown); proposals it
 * made no longer point at it. Secret ballots never pointed at it.
 */
@Component
class DecisionsAccountCleanup {

    private final JdbcClient jdbc;
    private final AnonymousRows rows;

    DecisionsAccountCleanup(JdbcClient jdbc, AnonymousRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @EventListener
    void on(AccountDeleted deleted) {
        String voter = deleted.accountId().toString();
        rows.lock("decisions"); // the mixing job may be writing these rows again (DecisionsPool)
        for (UUID proposal : jdbc.sql("select proposal_id from decisions_ballot where voter = ?").param(voter)
                .query(UUID.class).list()) {
            jdbc.sql("update decisions_ballot set voter = ? where proposal_id = ? and voter = ?")
                    .params(UUID.randomUUID().toString(), proposal, voter).update();
        }
        jdbc.sql("update decisions_proposal set created_by = null where created_by = ?").param(deleted.accountId())
                .update();
    }
}
