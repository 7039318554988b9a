package org.staffroom.concerns.web;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.Throttle;
import org.staffroom.shared.web.ClientKeys;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Receipts are guessed only with 80 secret bits, but a client that keeps sending wrong ones is stopped all
 * the same: 20 wrong receipts in 15 minutes, then 429. Counted in memory, by a keyed hash of the address.
 */
@Component
class ReceiptThrottle {

    private final Throttle failures = new Throttle(20, Duration.ofMinutes(15));

    <T> T guard(HttpServletRequest request, Supplier<T> action) {
        String client = ClientKeys.of(request);
        if (failures.exhausted(client)) {
            throw new DomainException.TooManyRequests();
        }
        try {
            return action.get();
        } catch (DomainException.InvalidInput e) {
            if ("receipt".equals(e.field())) {
                failures.tryAcquire(client);
            }
            throw e;
        }
    }
}
