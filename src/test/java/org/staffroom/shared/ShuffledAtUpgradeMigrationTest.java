package org.staffroom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.staffroom.support.RowOrder;
import org.staffroom.support.TestDatabase;

/**
 * A database upgraded from a Staffroom older than the pool held anonymous acts where their requests had put
 * them, between the same members' named ones. Migration 63 writes those tables again in a random order: the
 * attack that reads the old order from where rows stand ({@code _rowid_} on H2, {@code ctid} on PostgreSQL)
 * works on the old layout and learns nothing after; nothing is lost, and the foreign keys hold as before.
 */
@Tag("database")
class ShuffledAtUpgradeMigrationTest {

    private static final int CONCERNS = 60;

    @Test
    void rowsWrittenBeforeThePoolStandInNoOrderAfterTheUpgrade() {
        DataSource database = TestDatabase.emptyDatabase();
        TestDatabase.migrate(database, "62");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        UUID group = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 11, 2);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < CONCERNS; i++) {
            UUID id = UUID.randomUUID();
            boolean named = i % 2 == 0;
            jdbc.update("""
                    insert into concerns_concern (id, group_id, title, details, category, affected, author_id,
                        author_tag, status, raised_on, released, fresh)
                    values (?, ?, ?, 'Rota', 'OTHER', '', ?, ?, 'OPEN', ?, true, false)""",
                    id, group, "Concern " + i, named ? UUID.randomUUID() : null, "tag-" + i, day);
            jdbc.update("insert into concerns_cosign (concern_id, tag, account_id, released) values (?, ?, ?, true)",
                    id, "cosigner-" + i, named ? UUID.randomUUID() : null);
            jdbc.update("""
                    insert into concerns_comment (id, concern_id, position, author_id, text, posted_on, hidden)
                    values (?, ?, 1, null, 'Me too', ?, false)""", UUID.randomUUID(), id, day);
            made.add(id);
        }
        assertThat(RowOrder.tau(places(jdbc, "concerns_concern", "id", made)))
                .as("the attack reads the order of making from the old layout").isGreaterThan(0.99);
        assertThat(RowOrder.tau(places(jdbc, "concerns_cosign", "concern_id", made))).isGreaterThan(0.99);

        TestDatabase.migrate(database, null);

        // 60 rows: tau's spread by chance is about 0.09, so 0.5 is five and a half of it away
        assertThat(Math.abs(RowOrder.tau(places(jdbc, "concerns_concern", "id", made))))
                .as("concerns stand in no relation to the order they were raised").isLessThan(0.5);
        assertThat(Math.abs(RowOrder.tau(places(jdbc, "concerns_cosign", "concern_id", made))))
                .as("co-signatures stand in no relation to the order they were made").isLessThan(0.5);
        assertThat(Math.abs(RowOrder.tau(places(jdbc, "concerns_comment", "concern_id", made)))).isLessThan(0.5);
        assertThat(jdbc.queryForList("select title from concerns_concern", String.class)).hasSize(CONCERNS)
                .contains("Concern 0", "Concern 59");
        assertThat(jdbc.queryForObject("select count(*) from concerns_cosign where account_id is null", Integer.class))
                .isEqualTo(CONCERNS / 2);

        assertThatThrownBy(
                () -> jdbc.update("insert into concerns_cosign (concern_id, tag, released) values (?, 'x', true)",
                        UUID.randomUUID()))
                .as("a co-signature must still have its concern")
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("delete from concerns_concern where id = ?", made.getFirst());
        assertThat(jdbc.queryForObject("select count(*) from concerns_cosign where concern_id = ?", Integer.class,
                made.getFirst())).as("deleting a concern still takes its co-signatures with it").isZero();
        assertThat(jdbc.queryForObject("select count(*) from concerns_comment where concern_id = ?", Integer.class,
                made.getFirst())).isZero();
    }

    /** The places of the rows of {@code table}, listed in the order their concerns were made. */
    private static List<Long> places(JdbcTemplate jdbc, String table, String column, List<UUID> made) {
        List<Long> places = new ArrayList<>();
        for (UUID id : made) {
            places.add(jdbc.queryForObject("select " + RowOrder.place() + " from " + table + " where " + column
                    + " = ?", Long.class, id));
        }
        return places;
    }

}
