package org.staffroom.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

import org.staffroom.backup.Backups.BackupException;
import org.staffroom.backup.Backups.Manifest;
import org.staffroom.backup.Backups.Table;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Loads a backup's rows into a database migrated to the backup's schema version: every table in one
 * transaction, parents first, each checked against the manifest's count.
 */
final class BackupLoader {

    private final DataSource dataSource;

    BackupLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every table's rows, in one transaction. */
    void load(ZipFile zip, Manifest manifest) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<String> order = BackupTables.parentsFirst(connection, manifest);
                // rows the migrations wrote themselves (a lock row, say): the backup has them as they were
                for (String table : order.reversed()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("delete from " + table);
                    }
                }
                for (String table : order) {
                    ZipEntry entry = zip.getEntry("tables/" + table + ".jsonl");
                    if (entry == null) {
                        throw new BackupException(
                                "The backup has no rows file for the table " + table + ": the backup is damaged.");
                    }
                    long loaded = load(connection, table, zip, entry);
                    long expected = manifest.tables().stream().filter(t -> t.name().equals(table)).findFirst()
                            .map(Table::rows).orElse(0L);
                    if (loaded != expected) {
                        throw new BackupException("The table " + table + " has " + loaded + " rows in the backup, not "
                                + expected + " as its manifest says: the backup is damaged.");
                    }
                    restartIdentities(connection, table);
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    long load(Connection connection, String table, ZipFile zip, ZipEntry entry) throws IOException, SQLException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new BackupException("The rows file of " + table + " is empty: the backup is damaged.");
            }
            List<String> names = new ArrayList<>();
            Backups.JSON.readTree(headerLine).forEach(name -> names.add(name.asString()));
            Map<String, Integer> targetTypes = new LinkedHashMap<>();
            Map<String, String> targetTypeNames = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet none = statement.executeQuery("select * from " + table + " where 1 = 0")) {
                ResultSetMetaData columns = none.getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    String column = columns.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    targetTypes.put(column, columns.getColumnType(i));
                    targetTypeNames.put(column, columns.getColumnTypeName(i).toLowerCase(Locale.ROOT));
                }
            }
            for (String name : names) {
                if (!targetTypes.containsKey(name)) {
                    throw new BackupException("The backup's table " + table + " has a column " + name
                            + " that its schema version does not: the backup is damaged.");
                }
            }
            String sql = "insert into " + table + " (" + String.join(", ", names) + ") values ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
            long count = 0;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    JsonNode row = Backups.JSON.readTree(line);
                    if (!row.isArray() || row.size() != names.size()) {
                        throw new BackupException("A row of " + table + " does not have its " + names.size()
                                + " values: the backup is damaged.");
                    }
                    for (int i = 0; i < names.size(); i++) {
                        BackupValues.bind(insert, i + 1, row.get(i),
                                Objects.requireNonNull(targetTypes.get(names.get(i))),
                                Objects.requireNonNull(targetTypeNames.get(names.get(i))));
                    }
                    insert.addBatch();
                    if (++count % Backups.BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return count;
        } catch (JacksonException e) {
            throw new BackupException("A row of " + table + " cannot be read: the backup is damaged.", e);
        }
    }

    /** After rows with their own numbers went into an identity column, new rows number on from the highest. */
    static void restartIdentities(Connection connection, String table) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), table, "%")) {
            while (columns.next()) {
                if ("YES".equals(columns.getString("IS_AUTOINCREMENT"))) {
                    String column = columns.getString("COLUMN_NAME");
                    long next;
                    try (Statement statement = connection.createStatement();
                            ResultSet max = statement
                                    .executeQuery("select coalesce(max(" + column + "), 0) + 1 from " + table)) {
                        max.next();
                        next = max.getLong(1);
                    }
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("alter table " + table + " alter column " + column + " restart with " + next);
                    }
                }
            }
        }
    }
}
