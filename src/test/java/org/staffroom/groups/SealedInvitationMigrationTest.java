package org.staffroom.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.staffroom.shared.SecretTokens;
import org.staffroom.support.TestDatabase;

/**
 * Migration 68, on the test run's kind of database: the plain SHA-256 of an invited address goes from every
 * invitation that no longer works (expired, revoked or used up); one that still works keeps it, or its
 * recipient could no longer use it.
 */
@Tag("database")
class SealedInvitationMigrationTest {

    @Test
    void hashesOfInvitationsThatNoLongerWorkGo() {
        DataSource database = TestDatabase.emptyDatabase();
        TestDatabase.migrate(database, "67");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        UUID group = UUID.randomUUID();
        jdbc.update("""
                insert into groups_group (id, name, employer, sector, professions, area, description, listed,
                    neutral_name, members_can_invite, created_on)
                values (?, 'Ward 7', 'Trust', 'NHS_TRUST', 'Nurses', 'BS10', 'Nights.', false, null, false, ?)""",
                group, LocalDate.of(2026, 1, 5));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID working = invitation(jdbc, group, now.plusDays(3), false, 0);
        UUID expired = invitation(jdbc, group, now.minusDays(1), false, 0);
        UUID revoked = invitation(jdbc, group, now.plusDays(3), true, 0);
        UUID usedUp = invitation(jdbc, group, now.plusDays(3), false, 1);

        TestDatabase.migrate(database, null);

        assertThat(jdbc.queryForList("select id from groups_invitation where email_hash is not null", UUID.class))
                .containsExactly(working);
        assertThat(jdbc.queryForList("select id from groups_invitation where email_hash is null", UUID.class))
                .containsExactlyInAnyOrder(expired, revoked, usedUp);
        assertThat(jdbc.queryForObject("select count(*) from groups_invitation where invited_email is null",
                Integer.class)).isEqualTo(4);
    }

    private static UUID invitation(JdbcTemplate jdbc, UUID group, OffsetDateTime expiresAt, boolean revoked, int uses) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into groups_invitation (id, group_id, code_hash, created_by, created_on, expires_at, max_uses,
                    uses, revoked, email_hash)
                values (?, ?, ?, null, ?, ?, 1, ?, ?, ?)""", id, group, SecretTokens.hash(id.toString()),
                LocalDate.of(2026, 11, 30), expiresAt, uses, revoked, SecretTokens.hash("nurse@example.org"));
        return id;
    }
}
