package org.staffroom.surveys.web;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.Throttle;
import org.staffroom.shared.web.ClientKeys;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A one-time code has 60 secret bits and is not guessed by trying, but a client that keeps sending wrong
 * codes is stopped all the same: 20 in 15 minutes, then 429. Counted in memory, by a keyed hash of the address.
 */
@Component
class CodeThrottle {

    private final Throttle wrongCodes = new Throttle(20, Duration.ofMinutes(15));

    void guard(HttpServletRequest request, Runnable action) {
        String client = ClientKeys.of(request);
        if (wrongCodes.exhausted(client)) {
            throw new DomainException.TooManyRequests();
        }
        try {
            action.run();
        } catch (DomainException.InvalidInput e) {
            if ("code".equals(e.field())) {
                wrongCodes.tryAcquire(client);
            }
            throw e;
        }
    }
}
