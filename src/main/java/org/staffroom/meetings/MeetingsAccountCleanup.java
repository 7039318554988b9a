package org.staffroom.meetings;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.identity.AccountEvents.AccountDeleted;

/**
 * Removes a deleted account from the group's meetings: its answers, attendance and turns to speak, the roles it
 * held.
 */
@Component
class MeetingsAccountCleanup {

    private final JdbcClient jdbc;

    MeetingsAccountCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A deleted account's answers go, and it no longer facilitates or takes notes. */
    @EventListener
    void on(AccountDeleted deleted) {
        UUID id = deleted.accountId();
        jdbc.sql("delete from meetings_rsvp where account_id = ?").param(id).update();
        jdbc.sql("delete from meetings_attendee where account_id = ?").param(id).update();
        jdbc.sql("delete from meetings_speaker where account_id = ?").param(id).update();
        jdbc.sql("update meetings_meeting set facilitator_id = null where facilitator_id = ?").param(id).update();
        jdbc.sql("update meetings_meeting set note_taker_id = null where note_taker_id = ?").param(id).update();
        jdbc.sql("update meetings_meeting set created_by = null where created_by = ?").param(id).update();
        jdbc.sql("update meetings_action set owner_id = null where owner_id = ?").param(id).update();
    }
}
