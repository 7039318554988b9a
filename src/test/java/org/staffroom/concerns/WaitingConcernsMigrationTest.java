package org.staffroom.concerns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.staffroom.support.TestDatabase;

/**
 * Migration 61 moves the anonymous concerns still waiting for their release out of concerns_concern, into a
 * table of their own, on the test run's kind of database: the named concern stays, the waiting one moves with
 * everything its author can still change through the receipt, and the next release finds it there.
 */
@Tag("database")
class WaitingConcernsMigrationTest {

    @Test
    void aConcernWaitingAtTheUpgradeMovesToItsOwnTable() {
        DataSource database = TestDatabase.emptyDatabase();
        TestDatabase.migrate(database, "60");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        UUID group = UUID.randomUUID();
        UUID named = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        LocalDate today = LocalDate.of(2026, 12, 4);
        jdbc.update("""
                insert into concerns_concern (id, group_id, title, details, category, affected, author_id, author_tag,
                    status, raised_on, released, fresh)
                values (?, ?, 'Named', 'Rota', 'OTHER', '', ?, 'tag-named', 'OPEN', ?, true, false)""",
                named, group, UUID.randomUUID(), today);
        jdbc.update("""
                insert into concerns_concern (id, group_id, title, details, category, affected, author_tag,
                    receipt_lookup, receipt_hash, status, raised_on, edited_on, released, fresh)
                values (?, ?, 'Waiting', 'Handover', 'BULLYING_AND_HARASSMENT', 'Nights', 'tag-waiting', 'ABCD2345',
                    'hash', 'WITHDRAWN', ?, ?, false, true)""", waiting, group, today, today);

        TestDatabase.migrate(database, null);

        assertThat(jdbc.queryForList("select id from concerns_concern", UUID.class)).containsExactly(named);
        assertThat(jdbc.queryForMap("""
                select id, group_id, title, details, category, affected, author_tag, receipt_lookup, receipt_hash,
                    status, raised_on, edited_on, fresh
                from concerns_waiting""")).containsValues(waiting, group, "Waiting", "Handover",
                "BULLYING_AND_HARASSMENT", "Nights", "tag-waiting", "ABCD2345", "hash", "WITHDRAWN", true);
        assertThat(jdbc.queryForObject("select count(*) from concerns_waiting where raised_on = ? and edited_on = ?",
                Integer.class, today, today)).isOne();
    }
}
