package org.staffroom.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.DatabaseDriver;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

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
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    static final int BATCH = 1000;

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
        return new BackupWriter(dataSource).write(out);
    }

    /** Loads a backup into an empty database, then brings its schema up to this version's. */
    public Manifest restore(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Manifest manifest = manifest(zip);
            Flyway latest = flyway(null);
            MigrationInfo[] known = latest.info().all();
            MigrationVersion newest = known.length == 0 ? MigrationVersion.fromVersion("0")
                    : known[known.length - 1].getVersion();
            if (MigrationVersion.fromVersion(manifest.schemaVersion()).compareTo(newest) > 0) {
                throw new BackupException(
                        "This backup was made by a newer Staffroom (schema " + manifest.schemaVersion()
                                + "; this one knows up to " + newest.getVersion()
                                + "). Restore it with that version or a later one.");
            }
            try (Connection connection = dataSource.getConnection()) {
                if (!BackupTables.tables(connection).isEmpty()
                        || BackupTables.hasTable(connection, "flyway_schema_history")) {
                    throw new BackupException("The database is not empty. Restore into a new, empty database.");
                }
            }
            Flyway atBackup = flyway(manifest.schemaVersion());
            atBackup.migrate();
            try {
                new BackupLoader(dataSource).load(zip, manifest);
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
            throw new BackupException(
                    "This backup's format (" + manifest.format() + ") is not one this Staffroom reads.");
        }
        return manifest;
    }
    /** The database's kind as Spring Boot names it ({@code h2}, {@code postgresql}). */
    static String vendor(Connection connection) throws SQLException {
        return DatabaseDriver.fromJdbcUrl(connection.getMetaData().getURL()).getId();
    }
    /** The same migrations, from the same places, as the server's start (spring.flyway.locations). */
    private Flyway flyway(@Nullable String target) {
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
}
