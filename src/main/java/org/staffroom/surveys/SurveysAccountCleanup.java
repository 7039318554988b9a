package org.staffroom.surveys;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.identity.AccountEvents.AccountDeleted;

/**
 * Forgets who made a group's or network's surveys when that account is deleted. Responses hold no account
 * (answers are kept under tags and shuffled), so the survey itself and its figures stay with the group.
 */
@Component
class SurveysAccountCleanup {

    private final JdbcClient jdbc;

    SurveysAccountCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AccountDeleted deleted) {
        jdbc.sql("update surveys_survey set created_by = null where created_by = ?").param(deleted.accountId())
                .update();
    }
}
