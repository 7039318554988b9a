package org.staffroom.shared;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * Runs a scheduled job on one server only, when several share the database: each job holds a row in
 * {@code shared_job_lock} (ShedLock) while it runs. Every server's scheduler still fires; the ones that
 * find the job held skip it. Runs and skips are counted ({@code staffroom.jobs.runs} and
 * {@code staffroom.jobs.skipped}, tagged with the job's name) for the metrics endpoint.
 */
@Component
public class Jobs {

    /** How long a job whose server died while running it stays held. */
    private static final Duration AT_MOST = Duration.ofMinutes(30);

    private final LockingTaskExecutor executor;
    private final MeterRegistry meters;
    private final Duration clockSkew;

    /**
     * @param clockSkew how long a job run by the clock stays held after it ends: more than the servers'
     *     clocks can disagree by, less than the time between two runs
     */
    Jobs(DataSource dataSource, MeterRegistry meters,
            @Value("${staffroom.jobs.clock-lock:PT30S}") Duration clockSkew) {
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .withTableName("shared_job_lock")
                        .usingDbTime()
                        .build()));
        this.meters = meters;
        this.clockSkew = clockSkew;
    }

    /**
     * A job every server's clock starts at the same moments (cron): run by the first server to start it, and
     * held a while after it ends, so that a server whose trigger fires a moment later skips the same occurrence.
     */
    public boolean onClock(String name, Runnable job) {
        return runOnce(name, clockSkew, job);
    }

    /** A job every server repeats at intervals: run by one server at a time, by whichever finds it free. */
    public boolean whenFree(String name, Runnable job) {
        return runOnce(name, Duration.ZERO, job);
    }

    /** Runs {@code job} unless another server holds it; returns whether this server ran it. */
    private boolean runOnce(String name, Duration atLeast, Runnable job) {
        boolean[] ran = {false};
        executor.executeWithLock((Runnable) () -> {
            ran[0] = true;
            meters.counter("staffroom.jobs.runs", "job", name).increment();
            job.run();
        }, new LockConfiguration(Instant.now(), name, AT_MOST, atLeast));
        if (!ran[0]) {
            meters.counter("staffroom.jobs.skipped", "job", name).increment();
        }
        return ran[0];
    }
}
