package org.staffroom.journal;

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
 * Migration 67, on the test run's kind of database: an organiser who has already been shared entries with
 * stays listed as a rep (members may be sharing with them still); one who has only kept a journal is no longer
 * listed, so no member learns that they keep one.
 */
@Tag("database")
class ReceivesSharesMigrationTest {

    @Test
    void onlyOrganisersAlreadySharedWithKeepReceiving() {
        DataSource database = TestDatabase.emptyDatabase();
        TestDatabase.migrate(database, "66");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 2, 10, 0, 0, 0, ZoneOffset.UTC);
        UUID sharedWith = UUID.randomUUID();
        UUID keepsOne = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        for (UUID account : new UUID[] {sharedWith, keepsOne, author}) {
            jdbc.update("""
                    insert into journal_keyring (account_id, kdf, iterations, salt, wrapped_key, recovery_salt,
                        recovery_wrapped_key, public_key, wrapped_private_key, created_at)
                    values (?, 'PBKDF2-SHA256', 600000, 's', 'w', 'rs', 'rw', 'pk', 'wpk', ?)""", account, at);
        }
        jdbc.update("insert into journal_share (id, author_id, rep_id, shared_at) values (?, ?, ?, ?)",
                UUID.randomUUID(), author, sharedWith, at);

        TestDatabase.migrate(database, null);

        assertThat(jdbc.queryForList("select account_id from journal_keyring where receives_shares", UUID.class))
                .containsExactly(sharedWith);
        assertThat(jdbc.queryForObject("select count(*) from journal_keyring where not receives_shares",
                Integer.class)).isEqualTo(2);
    }
}
