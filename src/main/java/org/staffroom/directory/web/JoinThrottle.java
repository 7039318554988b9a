package org.staffroom.directory.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.Throttle;
import org.staffroom.shared.web.ClientKeys;

/** Join requests are public: at most a few an hour from one client (5 unless configured), counted in memory. */
@Component
class JoinThrottle {

    private final Throttle throttle;

    JoinThrottle(@Value("${staffroom.directory.join-requests-per-hour:5}") int perHour) {
        this.throttle = new Throttle(perHour, Duration.ofHours(1));
    }

    void check(HttpServletRequest request) {
        if (!throttle.tryAcquire(ClientKeys.of(request))) {
            throw new DomainException.TooManyRequests();
        }
    }
}
