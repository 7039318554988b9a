package org.staffroom.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.jdbc.DatabaseDriver;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Writes every table of an instance to one ZIP file, and loads such a file into an empty database.
 *
 * <p>The file holds {@value #MANIFEST} (the format, the schema version the rows fit, every table with its
 * number of rows) and one {@code tables/NAME.jsonl} a table: its column names, then one JSON array a row.
 * Values are written as text any database reads back (UUIDs, times with their offset, binary as Base64), so
 * a backup of H2 restores into PostgreSQL too. A backup is read in one repeatable-read transaction, so
 * every table is from the same moment; PostgreSQL keeps serving meanwhile.
 *
 * <p>A restore migrates the empty database to the backup's schema version, loads every table in one
 * transaction (parents before the tables that refer to them), then migrates to this version's schema: an
 * old backup restores into a new release. Sessions, job locks and attempt counts are not backed up: they
 * mean nothing after a restore.
 */
public final class Backups {

    static final String MANIFEST = "staffroom-backup.json";
    static final int FORMAT = 1;
    /**
     * Tables whose rows are only worth anything while the servers that wrote them run, and the outbox: a queue
     * of links that must not travel in a backup (sealed, under keys a backup does not hold).
     */
    static final Set<String> TRANSIENT = Set.of("spring_session", "spring_session_attributes", "shared_job_lock",
            "shared_throttle", "flyway_schema_history", "mail_outbox");
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final int BATCH = 1000;

    /** What went wrong, in words for the person running the command. */
    public static final class BackupException extends RuntimeException {
        BackupException(String message) {
            super(message);
        }

        BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public record Table(String name, long rows) {
    }

    public record Manifest(int format, String schemaVersion, String database, List<Table> tables) {
    }

    private final DataSource dataSource;

    public Backups(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the whole instance to {@code out} (a ZIP file). */
    public Manifest backup(OutputStream out) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                String schemaVersion = schemaVersion(connection);
                List<Table> tables = new ArrayList<>();
                for (String table : tables(connection)) {
                    tables.add(new Table(table, count(connection, table)));
                }
                Manifest manifest = new Manifest(FORMAT, schemaVersion, vendor(connection), tables);
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
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

    /** Loads a backup into an empty database, then brings its schema up to this version's. */
    public Manifest restore(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Manifest manifest = manifest(zip);
            Flyway latest = flyway(null);
            MigrationInfo[] known = latest.info().all();
            String newest = known.length == 0 ? "0" : known[known.length - 1].getVersion().getVersion();
            if (compareVersions(manifest.schemaVersion(), newest) > 0) {
                throw new BackupException("This backup was made by a newer Staffroom (schema " + manifest.schemaVersion()
                        + "; this one knows up to " + newest + "). Restore it with that version or a later one.");
            }
            try (Connection connection = dataSource.getConnection()) {
                if (!tables(connection).isEmpty() || hasTable(connection, "flyway_schema_history")) {
                    throw new BackupException("The database is not empty. Restore into a new, empty database.");
                }
            }
            Flyway atBackup = flyway(manifest.schemaVersion());
            atBackup.migrate();
            try {
                load(zip, manifest);
            } catch (SQLException | IOException | RuntimeException e) {
                // the database was empty: leave it so, not with an empty schema or half the rows
                atBackup.clean();
                throw e;
            }
            latest.migrate();
            return manifest;
        } catch (ZipException e) {
            throw new BackupException(file + " is not a Staffroom backup (not a ZIP file).", e);
        } catch (SQLException e) {
            throw new BackupException("Could not write to the database: " + e.getMessage(), e);
        }
    }

    /** Every table's rows, in one transaction. */
    private void load(ZipFile zip, Manifest manifest) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<String> order = parentsFirst(connection, manifest);
                // rows the migrations wrote themselves (a lock row, say): the backup has them as they were
                for (String table : order.reversed()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("delete from " + table);
                    }
                }
                for (String table : order) {
                    ZipEntry entry = zip.getEntry("tables/" + table + ".jsonl");
                    if (entry == null) {
                        throw new BackupException("The backup has no rows file for the table " + table + ": the backup is damaged.");
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

    private Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupException(zip.getName() + " is not a Staffroom backup (it has no " + MANIFEST + ").");
        }
        Manifest manifest;
        try {
            manifest = JSON.readValue(zip.getInputStream(entry), Manifest.class);
        } catch (JacksonException e) {
            throw new BackupException("The backup's " + MANIFEST + " cannot be read: the file is damaged.", e);
        }
        if (manifest.format() != FORMAT || manifest.schemaVersion() == null || manifest.tables() == null) {
            throw new BackupException("This backup's format (" + manifest.format() + ") is not one this Staffroom reads.");
        }
        return manifest;
    }

    private void writeRows(Connection connection, String table, Writer writer) throws SQLException, IOException {
        List<String> key = primaryKey(connection, table);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(BATCH);
            try (ResultSet rows = statement.executeQuery("select * from " + table
                    + (key.isEmpty() ? "" : " order by " + String.join(", ", key)))) {
                ResultSetMetaData columns = rows.getMetaData();
                ArrayNode header = JSON.createArrayNode();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    header.add(columns.getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
                writer.write(JSON.writeValueAsString(header));
                writer.write('\n');
                while (rows.next()) {
                    ArrayNode row = JSON.createArrayNode();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        write(row, rows, i, columns.getColumnType(i), columns.getColumnTypeName(i));
                    }
                    writer.write(JSON.writeValueAsString(row));
                    writer.write('\n');
                }
            }
        }
    }

    /** One value as JSON: text for everything a JSON number or boolean cannot say exactly. */
    private static void write(ArrayNode row, ResultSet rows, int i, int type, String typeName) throws SQLException {
        Object value = rows.getObject(i);
        if (value == null) {
            row.addNull();
            return;
        }
        String name = typeName.toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz") || name.startsWith("timestamp with time zone")) {
            row.add(rows.getObject(i, OffsetDateTime.class).toString());
        } else if (type == Types.TIMESTAMP) {
            row.add(rows.getObject(i, LocalDateTime.class).toString());
        } else if (type == Types.DATE) {
            row.add(rows.getObject(i, LocalDate.class).toString());
        } else if (type == Types.TIME) {
            row.add(rows.getObject(i, LocalTime.class).toString());
        } else if (value instanceof byte[] bytes) {
            row.add(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Boolean bool) {
            row.add(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            row.add(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            row.add(decimal);
        } else if (value instanceof Double || value instanceof Float) {
            row.add(((Number) value).doubleValue());
        } else {
            row.add(rows.getString(i));
        }
    }

    private long load(Connection connection, String table, ZipFile zip, ZipEntry entry) throws IOException, SQLException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                throw new BackupException("The rows file of " + table + " is empty: the backup is damaged.");
            }
            List<String> names = new ArrayList<>();
            JSON.readTree(headerLine).forEach(name -> names.add(name.asString()));
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
                    JsonNode row = JSON.readTree(line);
                    if (!row.isArray() || row.size() != names.size()) {
                        throw new BackupException("A row of " + table + " does not have its " + names.size()
                                + " values: the backup is damaged.");
                    }
                    for (int i = 0; i < names.size(); i++) {
                        bind(insert, i + 1, row.get(i), targetTypes.get(names.get(i)), targetTypeNames.get(names.get(i)));
                    }
                    insert.addBatch();
                    if (++count % BATCH == 0) {
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

    /** Binds a value by the type of the column it goes into (the backup may come from the other database). */
    private static void bind(PreparedStatement insert, int i, JsonNode value, int type, String typeName) throws SQLException {
        if (value == null || value.isNull()) {
            insert.setNull(i, type);
        } else if (typeName.equals("uuid")) {
            insert.setObject(i, UUID.fromString(value.asString()));
        } else if (type == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz") || typeName.startsWith("timestamp with time zone")) {
            insert.setObject(i, OffsetDateTime.parse(value.asString()));
        } else if (type == Types.TIMESTAMP) {
            insert.setObject(i, LocalDateTime.parse(value.asString()));
        } else if (type == Types.DATE) {
            insert.setObject(i, LocalDate.parse(value.asString()));
        } else if (type == Types.TIME) {
            insert.setObject(i, LocalTime.parse(value.asString()));
        } else if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
            insert.setBytes(i, Base64.getDecoder().decode(value.asString()));
        } else if (type == Types.BOOLEAN || type == Types.BIT) {
            insert.setBoolean(i, value.asBoolean());
        } else if (type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT || type == Types.BIGINT) {
            insert.setLong(i, value.asLong());
        } else if (type == Types.NUMERIC || type == Types.DECIMAL) {
            insert.setBigDecimal(i, value.decimalValue());
        } else if (type == Types.DOUBLE || type == Types.FLOAT || type == Types.REAL) {
            insert.setDouble(i, value.asDouble());
        } else {
            insert.setString(i, value.asString());
        }
    }

    /** After rows with their own numbers went into an identity column, new rows number on from the highest. */
    private static void restartIdentities(Connection connection, String table) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), table, "%")) {
            while (columns.next()) {
                if ("YES".equals(columns.getString("IS_AUTOINCREMENT"))) {
                    String column = columns.getString("COLUMN_NAME");
                    long next;
                    try (Statement statement = connection.createStatement();
                            ResultSet max = statement.executeQuery("select coalesce(max(" + column + "), 0) + 1 from " + table)) {
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

    /** The backup's tables, each after every table it refers to. */
    private static List<String> parentsFirst(Connection connection, Manifest manifest) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        manifest.tables().forEach(table -> wanted.add(table.name()));
        Set<String> existing = new LinkedHashSet<>(tables(connection));
        for (String table : wanted) {
            if (!existing.contains(table)) {
                throw new BackupException("The backup has a table " + table + " that its schema version does not: the backup is damaged.");
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
                throw new BackupException("The tables refer to each other in a circle; cannot choose an order to load them.");
            }
        }
        return ordered;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
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

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), table, new String[] {"TABLE"})) {
            return rows.next();
        }
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        Map<Integer, String> columns = new java.util.TreeMap<>();
        try (ResultSet keys = connection.getMetaData().getPrimaryKeys(null, connection.getSchema(), table)) {
            while (keys.next()) {
                columns.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(columns.values());
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        if (!hasTable(connection, "flyway_schema_history")) {
            throw new BackupException("This database has no Staffroom schema: nothing to back up.");
        }
        String newest = null;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select version from flyway_schema_history where success and version is not null")) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (newest == null || compareVersions(version, newest) > 0) {
                    newest = version;
                }
            }
        }
        if (newest == null) {
            throw new BackupException("This database has no Staffroom schema: nothing to back up.");
        }
        return newest;
    }

    private static String vendor(Connection connection) throws SQLException {
        return DatabaseDriver.fromJdbcUrl(connection.getMetaData().getURL()).getId();
    }

    /** The same migrations, from the same places, as the server's start (spring.flyway.locations). */
    private Flyway flyway(String target) {
        String vendor;
        try (Connection connection = dataSource.getConnection()) {
            vendor = vendor(connection);
        } catch (SQLException e) {
            throw new BackupException("Could not connect to the database: " + e.getMessage(), e);
        }
        var configuration = Flyway.configure().dataSource(dataSource).cleanDisabled(false)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("[._]");
        String[] right = b.split("[._]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }
}
