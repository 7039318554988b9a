package org.staffroom.surveys;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the surveys' settings ({@code staffroom.surveys.*}). */
@Configuration
@EnableConfigurationProperties(SurveySettings.class)
class SurveysConfiguration {
}
