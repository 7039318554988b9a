package org.staffroom.journal;

import java.util.UUID;

/** What happens in journals, by account ids only: nothing in an event can tell what an entry says. */
public final class JournalEvents {

    private JournalEvents() {
    }

    public record Created(UUID accountId) {
    }

    public record EntryWritten(UUID accountId, UUID entryId) {
    }

    public record WitnessConfirmed(UUID authorId) {
    }

    public record Shared(UUID authorId, UUID repId) {
    }

    public record ShareRevoked(UUID authorId) {
    }
}
