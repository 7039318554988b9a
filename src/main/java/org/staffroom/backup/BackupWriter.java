package org.staffroom.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.staffroom.backup.Backups.BackupException;
import org.staffroom.backup.Backups.Manifest;
import org.staffroom.backup.Backups.Table;

import tools.jackson.databind.node.ArrayNode;

/**
 * Writes a backup: the manifest, then each table's rows in primary-key order, all read in one
 * repeatable-read transaction so every table is from the same moment.
 */
final class BackupWriter {

    private final DataSource dataSource;

    BackupWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the whole instance to {@code out} (a ZIP file). */
    Manifest write(OutputStream out) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                String schemaVersion = schemaVersion(connection);
                List<Table> tables = new ArrayList<>();
                for (String table : BackupTables.tables(connection)) {
                    tables.add(new Table(table, count(connection, table)));
                }
                Manifest manifest = new Manifest(Backups.FORMAT, schemaVersion, Backups.vendor(connection), tables);
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(Backups.MANIFEST));
                zip.write(Backups.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                for (Table table : tables) {
                    zip.putNextEntry(new ZipEntry("tables/" + table.name() + ".jsonl"));
                    Writer writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
                    writeRows(connection, table.name(), writer);
                    writer.flush();
                    zip.closeEntry();
                }
                zip.finish();
                return manifest;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new BackupException("Could not read the database: " + e.getMessage(), e);
        }
    }

    void writeRows(Connection connection, String table, Writer writer) throws SQLException, IOException {
        List<String> key = primaryKey(connection, table);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(Backups.BATCH);
            try (ResultSet rows = statement.executeQuery("select * from " + table
                    + (key.isEmpty() ? "" : " order by " + String.join(", ", key)))) {
                ResultSetMetaData columns = rows.getMetaData();
                ArrayNode header = Backups.JSON.createArrayNode();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    header.add(columns.getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
                writer.write(Backups.JSON.writeValueAsString(header));
                writer.write('\n');
                while (rows.next()) {
                    ArrayNode row = Backups.JSON.createArrayNode();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        BackupValues.write(row, rows, i, columns.getColumnType(i), columns.getColumnTypeName(i));
                    }
                    writer.write(Backups.JSON.writeValueAsString(row));
                    writer.write('\n');
                }
            }
        }
    }

    static List<String> primaryKey(Connection connection, String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet keys = connection.getMetaData().getPrimaryKeys(null, connection.getSchema(), table)) {
            while (keys.next()) {
                columns.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(columns.values());
    }

    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String schemaVersion(Connection connection) throws SQLException {
        if (!BackupTables.hasTable(connection, "flyway_schema_history")) {
            throw new BackupException("This database has no Staffroom schema: nothing to back up.");
        }
        String newest = null;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select version from flyway_schema_history where success and version is not null")) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (newest == null
                        || MigrationVersion.fromVersion(version).compareTo(MigrationVersion.fromVersion(newest)) > 0) {
                    newest = version;
                }
            }
        }
        if (newest == null) {
            throw new BackupException("This database has no Staffroom schema: nothing to back up.");
        }
        return newest;
    }
}
