package org.staffroom.concerns;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.staffroom.shared.Jobs;

/** The concerns' jobs by the clock, each run by one server of those sharing the database. */
@Component
class ConcernJobs {

    private final Concerns concerns;
    private final ConcernNotifications notifications;
    private final Jobs jobs;

    ConcernJobs(Concerns concerns, ConcernNotifications notifications, Jobs jobs) {
        this.concerns = concerns;
        this.notifications = notifications;
        this.jobs = jobs;
    }

    /** At the top of every hour: release pending co-signatures, then send the digest. */
    @Scheduled(cron = "${staffroom.concerns.hourly-cron:0 0 * * * *}")
    void hourly() {
        jobs.onClock("concerns-hourly", () -> {
            concerns.releaseHourly();
            notifications.announce();
        });
    }

    /** At night: concerns withdrawn or closed longer ago than their group keeps them are deleted. */
    @Scheduled(cron = "${staffroom.concerns.delete-expired-cron:0 30 3 * * *}")
    void deleteExpired() {
        jobs.onClock("concerns-delete-expired", concerns::deleteExpired);
    }
}
