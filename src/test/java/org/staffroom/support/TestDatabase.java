package org.staffroom.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Gives each test application context a fresh database: in-memory H2, or a new database on a real
 * PostgreSQL server (started once per test run from the zonky jars) when the suite runs with
 * {@code -Dstaffroom.test.database=postgres}, as Maven's "postgres" execution does.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("staffroom.test.database", "h2"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "staffroom_test_" + COUNTER.incrementAndGet();
        if (isPostgres()) {
            EmbeddedPostgres server = createDatabase(name);
            TestPropertyValues.of(
                    "spring.datasource.url=" + server.getJdbcUrl("postgres", name),
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=").applyTo(context);
        } else {
            TestPropertyValues.of(
                    "spring.datasource.url=jdbc:h2:mem:" + name
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "spring.datasource.username=sa",
                    "spring.datasource.password=").applyTo(context);
        }
    }

    /** A new, empty database on the same kind of server as the test's, for restores and migrations. */
    public static javax.sql.DataSource emptyDatabase() {
        String name = "staffroom_empty_" + COUNTER.incrementAndGet();
        if (isPostgres()) {
            EmbeddedPostgres server = createDatabase(name);
            return new org.springframework.jdbc.datasource.DriverManagerDataSource(server.getJdbcUrl("postgres", name),
                    "postgres", "");
        }
        return new org.springframework.jdbc.datasource.DriverManagerDataSource("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /**
     * Runs the application's migrations on {@code database} (this test run's kind of server) up to and including
     * version {@code target}, or all of them when it is null: a migration test writes rows as an older release
     * left them, then upgrades.
     */
    public static void migrate(javax.sql.DataSource database, String target) {
        var configuration = org.flywaydb.core.Flyway.configure().dataSource(database)
                .locations("classpath:db/migration", "classpath:db/vendor/" + (isPostgres() ? "postgresql" : "h2"));
        (target == null ? configuration : configuration.target(target)).load().migrate();
    }

    /** A new database on the test run's PostgreSQL server; returns the server. */
    private static EmbeddedPostgres createDatabase(String name) {
        EmbeddedPostgres server = server();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
        return server;
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the process is ending anyway
                }
            }));
        }
        return postgres;
    }
}
