package org.staffroom.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Makes {@link SharedThrottle}s, and deletes their rows once their window has passed. */
@Component
public class SharedThrottles {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Jobs jobs;

    SharedThrottles(JdbcClient jdbc, Clock clock, Jobs jobs) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** A throttle of {@code allowed} attempts per key in {@code window}; {@code name} keeps its keys apart. */
    public SharedThrottle of(String name, int allowed, Duration window) {
        return new SharedThrottle(name, allowed, window, jdbc, clock);
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void forgetEndedWindows() {
        jobs.whenFree("shared-forget-ended-throttle-windows", () -> jdbc
                .sql("delete from shared_throttle where window_ends <= ?").param(OffsetDateTime.now(clock)).update());
    }
}
