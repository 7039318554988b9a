package org.staffroom.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Kept in the session between a right password and the code of the account's second factor; the person is
 * not signed in until the code is right, and has five minutes to give it.
 */
public record PendingSecondStep(UUID accountId, Instant since) implements Serializable {

    public static final String ATTRIBUTE = "staffroom.pendingSecondStep";
    static final Duration LIMIT = Duration.ofMinutes(5);

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean expired(Instant now) {
        return since.plus(LIMIT).isBefore(now);
    }
}
