package org.staffroom.concerns;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.staffroom.shared.Jobs;

/**
 * The concerns' job by the clock, run by one server of those sharing the database. Releasing co-signatures and
 * the e-mail digest belong to the mixing job ({@link ConcernsPool}).
 */
@Component
class ConcernJobs {

    private final Concerns concerns;
    private final Jobs jobs;

    ConcernJobs(Concerns concerns, Jobs jobs) {
        this.concerns = concerns;
        this.jobs = jobs;
    }

    /** At night: concerns withdrawn or closed longer ago than their group keeps them are deleted. */
    @Scheduled(cron = "${staffroom.concerns.delete-expired-cron:0 30 3 * * *}")
    void deleteExpired() {
        jobs.onClock("concerns-delete-expired", concerns::deleteExpired);
    }
}
