package org.staffroom.surveys;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SurveySettings.class)
class SurveysConfiguration {
}
