package org.staffroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.staffroom.support.IntegrationTest;

/**
 * The scheduled jobs run in a server, and not in the tests, where a job firing at the top of an hour in the
 * middle of a test made its outcome depend on the time of day.
 */
@IntegrationTest
class SchedulingTest {

    @Autowired
    ApplicationContext application;

    @Test
    void aServerRunsItsJobsUnlessToldNotTo() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Scheduling.class);
        runner.run(context -> assertThat(context).hasSingleBean(ScheduledAnnotationBeanPostProcessor.class));
        runner.withPropertyValues("staffroom.scheduling.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(ScheduledAnnotationBeanPostProcessor.class));
        runner.withPropertyValues("staffroom.scheduling.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ScheduledAnnotationBeanPostProcessor.class));
    }

    @Test
    void noJobRunsOnItsOwnInTheTests() {
        assertThat(application.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
    }
}
