package org.staffroom.journal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.staffroom.identity.AccountEvents.AccountDeleted;

/** A deleted account's journal goes with it. */
@Component
class JournalAccountCleanup {

    private final Journal journal;

    JournalAccountCleanup(Journal journal) {
        this.journal = journal;
    }

    @EventListener
    void on(AccountDeleted deleted) {
        journal.forget(deleted.accountId());
    }
}
