package org.staffroom.surveys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The disclosure-control thresholds of this instance (docs/disclosure-control.md): no figure is shown for
 * fewer than {@code threshold} respondents (never below 5), nor, for a sensitive question, fewer than
 * {@code sensitiveThreshold} (never below the threshold). A setting outside those bounds stops the start.
 */
@ConfigurationProperties("staffroom.surveys")
public record SurveySettings(int threshold, int sensitiveThreshold) {

    public static final int LOWEST = 5;

    public SurveySettings {
        if (threshold < LOWEST) {
            throw new IllegalArgumentException("staffroom.surveys.threshold must be at least " + LOWEST);
        }
        if (sensitiveThreshold < threshold) {
            throw new IllegalArgumentException("staffroom.surveys.sensitive-threshold must be at least the threshold");
        }
    }

    public int thresholdFor(Question question) {
        return question.sensitive() ? sensitiveThreshold : threshold;
    }
}
