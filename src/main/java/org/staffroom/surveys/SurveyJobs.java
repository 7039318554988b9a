package org.staffroom.surveys;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.staffroom.shared.Jobs;

/** The surveys' repeating jobs, each run by one server at a time of those sharing the database. */
@Component
class SurveyJobs {

    private final Counts counts;
    private final Shuffle shuffle;
    private final Surveys surveys;
    private final Releases releases;
    private final Jobs jobs;

    SurveyJobs(Counts counts, Shuffle shuffle, Surveys surveys, Releases releases, Jobs jobs) {
        this.releases = releases;
        this.counts = counts;
        this.shuffle = shuffle;
        this.surveys = surveys;
        this.jobs = jobs;
    }

    /** Counts the responses that came in since the last fold. */
    @Scheduled(fixedDelayString = "PT2S", initialDelayString = "PT5S")
    void fold() {
        jobs.whenFree("surveys-fold", counts::foldWaiting);
    }

    /** Carries on with rewrites a stopped server left unfinished. */
    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT10M")
    void carryOnShuffles() {
        jobs.whenFree("surveys-carry-on-shuffles", shuffle::carryOn);
    }

    /** Decides what closed surveys' results may show (a national survey's audit takes a while). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT20S")
    void decideReleases() {
        jobs.whenFree("surveys-decide-releases", releases::decideWaiting);
    }

    /** Closes the surveys past their closing date. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void closeOverdue() {
        jobs.whenFree("surveys-close-overdue", surveys::closeOverdue);
    }
}
