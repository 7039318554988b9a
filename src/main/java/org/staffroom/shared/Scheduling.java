package org.staffroom.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the scheduled jobs (counting survey answers, delivering mail, expiring what has expired, ...) unless
 * {@code staffroom.scheduling.enabled} is false. The tests turn them off and run each job when they mean to:
 * a job firing in the middle of a test, at the top of an hour, made the outcome depend on the time of day.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "staffroom.scheduling.enabled", matchIfMissing = true)
@EnableScheduling
class Scheduling {
}
