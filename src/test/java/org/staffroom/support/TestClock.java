package org.staffroom.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in integration tests: real time, unless a test moves it. A test whose outcome
 * depends on the day (what falls in this month, what is overdue) sets the day it means with
 * {@link #startAt(Instant)} and puts the clock back with {@link #reset()}, so that it checks the same thing
 * on every day it runs, including the first of a month and a run that crosses midnight. The clock keeps
 * ticking from the instant it is set to, so that what is written in order is still ordered.
 */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the application's time runs from {@code instant}. */
    public void startAt(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    /** Noon (UTC) on {@code day}, ticking from there. */
    public void startAt(LocalDate day) {
        startAt(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    /** Back to real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    /** The application's today, in UTC. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock parent = this;
        return new Clock() {

            @Override
            public Instant instant() {
                return parent.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return parent.withZone(other);
            }
        };
    }

    /** Stands in for the application's system clock in every integration test's context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
