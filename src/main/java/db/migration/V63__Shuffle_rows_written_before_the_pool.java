package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Writes every table that holds anonymous acts again, in a random order (docs/anonymity.md, "What a copy can
 * still learn"). The pool (migrations 37 to 43, 61) keeps new acts from standing in the order they were made,
 * but rows written before it kept their places: on a database upgraded from an older Staffroom a copy still
 * listed those anonymous concerns, ballots, co-signatures, support and answers in the order they came, next to
 * the same members' named rows. Each table is copied aside with a random key from a secure generator, emptied and filled again in the
 * key's order — new row numbers on H2, new places and one transaction number on PostgreSQL. The foreign keys
 * that point at a table are dropped while it is refilled and made again as they were, so that emptying a
 * parent neither cascades to its children nor is refused. Plain JDBC and metadata, the same on both databases.
 */
public class V63__Shuffle_rows_written_before_the_pool extends BaseJavaMigration {

    /** Parents before the children that point at them; each list is the pool's tables() of its day. */
    static final List<String> TABLES = List.of("concerns_concern", "concerns_cosign", "concerns_comment",
            "concerns_message", "concerns_grievance_info", "concerns_grievance_event", "decisions_ballot",
            "demands_supporter", "surveys_participant", "surveys_response", "surveys_answer", "surveys_code",
            "surveys_draft");
    // concerns_waiting came with the pool (61); surveys_pending holds rows for minutes, until they are counted

    private record ForeignKey(String name, String table, List<String> columns, List<String> parentColumns,
            String onDelete) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String key = secureKey(connection.getMetaData().getDatabaseProductName());
        for (String table : TABLES) {
            shuffle(connection, table, key);
        }
    }

    /**
     * A key no copy can predict. Not {@code random()}: H2's is the session's java.util.Random, 48 bits of state,
     * which a helper recovered from a few dozen rows whose old place a date gave away, and so undid every table's
     * shuffle. Version 4 UUIDs come from SecureRandom on H2 and from pg_strong_random on PostgreSQL.
     */
    static String secureKey(String databaseProduct) {
        return switch (databaseProduct) {
            case "H2" -> "random_uuid(4)";
            case "PostgreSQL" -> "gen_random_uuid()";
            default -> throw new IllegalStateException("no secure random key known for " + databaseProduct);
        };
    }

    private static void shuffle(Connection connection, String table, String shuffleKey) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String stored = metadata.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        String schema = connection.getSchema();
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = metadata.getColumns(null, schema, stored, null)) {
            while (rs.next()) {
                columns.add(quoted(rs.getString("COLUMN_NAME")));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table);
        }
        List<ForeignKey> pointing = pointingAt(metadata, schema, stored);
        String list = String.join(", ", columns);
        try (Statement statement = connection.createStatement()) {
            for (ForeignKey key : pointing) {
                statement.execute("alter table " + key.table() + " drop constraint " + key.name());
            }
            statement.execute(
                    "create table shuffle_copy as select " + list + ", " + shuffleKey + " shuffle_key from " + table);
            statement.execute("delete from " + table);
            statement.execute("insert into " + table + " (" + list + ") select " + list
                    + " from shuffle_copy order by shuffle_key");
            statement.execute("drop table shuffle_copy");
            for (ForeignKey key : pointing) {
                statement.execute("alter table " + key.table() + " add constraint " + key.name() + " foreign key ("
                        + String.join(", ", key.columns()) + ") references " + table + " ("
                        + String.join(", ", key.parentColumns()) + ") on delete " + key.onDelete());
            }
        }
    }

    private static List<ForeignKey> pointingAt(DatabaseMetaData metadata, String schema, String table)
            throws SQLException {
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        try (ResultSet rs = metadata.getExportedKeys(null, schema, table)) {
            while (rs.next()) {
                String name = quoted(rs.getString("FK_NAME"));
                ForeignKey key = keys.computeIfAbsent(name, n -> {
                    try {
                        return new ForeignKey(n, quoted(rs.getString("FKTABLE_NAME")), new ArrayList<>(),
                                new ArrayList<>(), onDelete(rs.getShort("DELETE_RULE")));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                // rows come ordered by KEY_SEQ within each key
                key.columns().add(quoted(rs.getString("FKCOLUMN_NAME")));
                key.parentColumns().add(quoted(rs.getString("PKCOLUMN_NAME")));
            }
        }
        return List.copyOf(keys.values());
    }

    private static String onDelete(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "cascade";
            case DatabaseMetaData.importedKeySetNull -> "set null";
            case DatabaseMetaData.importedKeySetDefault -> "set default";
            case DatabaseMetaData.importedKeyRestrict -> "restrict";
            default -> "no action";
        };
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
