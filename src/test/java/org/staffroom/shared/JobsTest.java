package org.staffroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.staffroom.support.IntegrationTest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Two {@link Jobs} on one database stand for two servers: a job by the clock runs on one of them per
 * occurrence, a repeating job on one at a time, and runs and skips are counted.
 */
@IntegrationTest
class JobsTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aJobByTheClockRunsOnOneServerAndTheOtherSkipsTheSameOccurrence() {
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        Jobs serverA = new Jobs(dataSource, metersA, Duration.ofSeconds(30));
        Jobs serverB = new Jobs(dataSource, metersB, Duration.ofSeconds(30));
        int[] runs = {0};

        boolean ranOnA = serverA.onClock("test.clock", () -> runs[0]++);
        // B's trigger fires a moment later, after A has finished: the lock is still held for the occurrence
        boolean ranOnB = serverB.onClock("test.clock", () -> runs[0]++);

        assertThat(ranOnA).isTrue();
        assertThat(ranOnB).isFalse();
        assertThat(runs[0]).isEqualTo(1);
        assertThat(metersA.counter("staffroom.jobs.runs", "job", "test.clock").count()).isEqualTo(1);
        assertThat(metersB.counter("staffroom.jobs.skipped", "job", "test.clock").count()).isEqualTo(1);
        assertThat(metersB.counter("staffroom.jobs.runs", "job", "test.clock").count()).isZero();
    }

    @Test
    void aRepeatingJobRunsOnOneServerAtATimeAndIsFreeAgainWhenItEnds() throws Exception {
        Jobs serverA = new Jobs(dataSource, new SimpleMeterRegistry(), Duration.ofSeconds(30));
        Jobs serverB = new Jobs(dataSource, new SimpleMeterRegistry(), Duration.ofSeconds(30));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread onA = Thread.ofVirtual().start(() -> serverA.whenFree("test.repeating", () -> {
            running.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean ranOnB = new AtomicBoolean();

        boolean whileHeld = serverB.whenFree("test.repeating", () -> ranOnB.set(true));
        finish.countDown();
        onA.join(Duration.ofSeconds(10));
        boolean afterwards = serverB.whenFree("test.repeating", () -> ranOnB.set(true));

        assertThat(whileHeld).isFalse();
        assertThat(afterwards).isTrue();
        assertThat(ranOnB).isTrue();
    }
}
