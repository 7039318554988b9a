package org.staffroom.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.staffroom.support.TestDatabase;

/**
 * Migration 65, on the test run's kind of database: messages already sent (their links in plain text) go at
 * the upgrade; a message still waiting stays, due to expire seven days after it was written, with room for
 * its sealed address and text (which the server seals when it starts: OutboxSecretsTest).
 */
@Tag("database")
class OutboxMigrationTest {

    @Test
    void sentMessagesGoAndWaitingOnesGetAnExpiry() {
        DataSource database = TestDatabase.emptyDatabase();
        TestDatabase.migrate(database, "64");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        OffsetDateTime written = OffsetDateTime.of(2026, 12, 1, 9, 30, 0, 0, ZoneOffset.UTC);
        UUID sent = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        String insert = """
                insert into mail_outbox (id, recipient, subject, body, created_at, delivered)
                values (?, 'nurse@example.org', 'Reset your Staffroom password', 'Open http://localhost/password-reset/abc', ?, ?)""";
        jdbc.update(insert, sent, written, true);
        jdbc.update(insert, waiting, written, false);

        TestDatabase.migrate(database, null);

        assertThat(jdbc.queryForList("select id from mail_outbox", UUID.class)).containsExactly(waiting);
        assertThat(jdbc.queryForObject("select expires_at from mail_outbox", OffsetDateTime.class).toInstant())
                .isEqualTo(written.plusDays(7).toInstant());
        String sealedSize = "s1:k12345678:" + "A".repeat(500);
        jdbc.update("update mail_outbox set recipient = ? where id = ?", sealedSize, waiting);
        assertThat(jdbc.queryForObject("select recipient from mail_outbox", String.class)).isEqualTo(sealedSize);
    }
}
