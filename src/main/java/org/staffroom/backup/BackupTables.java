package org.staffroom.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.staffroom.backup.Backups.BackupException;
import org.staffroom.backup.Backups.Manifest;

/** Which tables a backup holds, read from the database's catalogue, and the order in which to load them. */
final class BackupTables {

    /**
     * Tables whose rows are only worth anything while the servers that wrote them run, and the outbox: a queue
     * of links that must not travel in a backup (sealed, under keys a backup does not hold).
     */
    static final Set<String> TRANSIENT = Set.of("spring_session", "spring_session_attributes", "shared_job_lock",
            "shared_throttle", "flyway_schema_history", "mail_outbox");

    private BackupTables() {
    }

    /** The backup's tables, each after every table it refers to. */
    static List<String> parentsFirst(Connection connection, Manifest manifest) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        manifest.tables().forEach(table -> wanted.add(table.name()));
        Set<String> existing = new LinkedHashSet<>(tables(connection));
        for (String table : wanted) {
            if (!existing.contains(table)) {
                throw new BackupException("The backup has a table " + table
                        + " that its schema version does not: the backup is damaged.");
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        DatabaseMetaData metadata = connection.getMetaData();
        for (String table : wanted) {
            Set<String> of = new LinkedHashSet<>();
            try (ResultSet keys = metadata.getImportedKeys(null, connection.getSchema(), table)) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table) && wanted.contains(parent)) {
                        of.add(parent);
                    }
                }
            }
            parents.put(table, of);
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < wanted.size()) {
            boolean progress = false;
            for (String table : wanted) {
                if (!placed.contains(table) && placed.containsAll(parents.get(table))) {
                    ordered.add(table);
                    placed.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new BackupException(
                        "The tables refer to each other in a circle; cannot choose an order to load them.");
            }
        }
        return ordered;
    }

    /** The tables a backup holds: every table but the {@link #TRANSIENT} ones, by name. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!TRANSIENT.contains(name)) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), table,
                new String[] {"TABLE"})) {
            return rows.next();
        }
    }
}
