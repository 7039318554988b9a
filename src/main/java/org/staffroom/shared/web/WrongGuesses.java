package org.staffroom.shared.web;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.Throttle;

/**
 * Stops a client that keeps sending wrong secrets (receipts, one-time codes): each refusal of the named
 * field counts, and past the limit every request gets 429 until the window passes. Counted in memory, by a
 * keyed hash of the address ({@link ClientKeys}), never the address itself.
 */
public final class WrongGuesses {

    private final Throttle failures;
    private final String field;

    public WrongGuesses(int allowed, Duration window, String field) {
        this.failures = new Throttle(allowed, window);
        this.field = field;
    }

    public <T> T guard(HttpServletRequest request, Supplier<T> action) {
        String client = ClientKeys.of(request);
        if (failures.exhausted(client)) {
            throw new DomainException.TooManyRequests();
        }
        try {
            return action.get();
        } catch (DomainException.InvalidInput e) {
            if (field.equals(e.field())) {
                failures.tryAcquire(client);
            }
            throw e;
        }
    }
}
