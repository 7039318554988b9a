package org.staffroom.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application on a real port and a real database. Tagged "database", so that
 * Maven runs it twice: on H2, then on PostgreSQL. All such tests share one application context per database.
 * Scheduled jobs do not run (a test runs a job itself), and the application's clock is a {@link TestClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"logging.level.root=WARN",
        "staffroom.data-dir=target/test-data", "staffroom.anonymity.cron=-", "staffroom.scheduling.enabled=false",
        "staffroom.trusted-proxies=127.0.0.1",
        "staffroom.directory.join-requests-per-hour=" + IntegrationTest.JOIN_REQUESTS_PER_HOUR})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClock.Configuration.class)
@Tag("database")
public @interface IntegrationTest {

    /** Higher than the default, as every test connects from the same address. */
    int JOIN_REQUESTS_PER_HOUR = 20;
}
