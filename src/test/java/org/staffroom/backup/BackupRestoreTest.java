package org.staffroom.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.staffroom.backup.Backups.BackupException;
import org.staffroom.backup.Backups.Manifest;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.TestDatabase;

/**
 * The demo instance (every feature with data in it) backed up, restored into an empty database of the same
 * kind, and backed up again: every table comes back the same, row for row. Restores that must not happen
 * are refused and leave the database as it was.
 */
@IntegrationTest
@TestPropertySource(properties = "staffroom.demo=true")
class BackupRestoreTest {

    @Autowired
    DataSource dataSource;

    @TempDir
    Path directory;

    @Test
    void aBackupRestoresIntoAnEmptyDatabaseWithEveryTableTheSame() throws Exception {
        Path backup = directory.resolve("backup.zip");
        Manifest manifest = backup(dataSource, backup);
        DataSource empty = TestDatabase.emptyDatabase();

        new Backups(empty).restore(backup);
        Path again = directory.resolve("again.zip");
        backup(empty, again);

        Map<String, String> original = entries(backup);
        assertThat(manifest.tables()).extracting(Backups.Table::name)
                .contains("identity_account", "groups_group", "concerns_concern", "concerns_cosign", "meetings_meeting",
                        "decisions_ballot", "demands_demand", "surveys_answer", "surveys_count", "directory_change");
        assertThat(manifest.tables()).filteredOn(table -> table.name().equals("identity_account")).singleElement()
                .extracting(Backups.Table::rows).isEqualTo(count(dataSource, "identity_account"));
        assertThat(entries(again)).isEqualTo(original);
        // against the manifest, read in the backup's own transaction: the live database may have moved on since
        // (a disclosure audit finishing in the background, as happened on a busy run)
        for (Backups.Table table : manifest.tables()) {
            assertThat(count(empty, table.name())).as(table.name()).isEqualTo(table.rows());
        }
        // the restored instance numbers new rows on from the restored ones (an identity restarted at 1 would
        // collide with a restored row, or, worse, slip in below them)
        assertThat(count(empty, "directory_change")).as("rows to number on from").isPositive();
        try (Connection connection = empty.getConnection(); Statement statement = connection.createStatement()) {
            long highest;
            try (var max = statement.executeQuery("select max(seq) from directory_change")) {
                max.next();
                highest = max.getLong(1);
            }
            statement.execute(
                    "insert into directory_change (group_id, changed_at) values ('" + java.util.UUID.randomUUID()
                            + "', current_timestamp)");
            try (var max = statement.executeQuery("select max(seq) from directory_change")) {
                max.next();
                assertThat(max.getLong(1)).as("the new row's number").isGreaterThan(highest);
            }
        }
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRefusedAndKeepsWhatItHad() throws Exception {
        Path backup = directory.resolve("backup.zip");
        backup(dataSource, backup);
        long accounts = count(dataSource, "identity_account");

        assertThatThrownBy(() -> new Backups(dataSource).restore(backup)).isInstanceOf(BackupException.class)
                .hasMessageContaining("not empty");
        assertThat(count(dataSource, "identity_account")).isEqualTo(accounts);
    }

    @Test
    void aFileThatIsNotABackupIsRefused() throws Exception {
        Path notABackup = directory.resolve("notes.zip");
        Files.writeString(notABackup, "my shopping list");
        Path otherZip = directory.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            zip.write(new byte[] {1, 2, 3});
        }
        DataSource empty = TestDatabase.emptyDatabase();

        assertThatThrownBy(() -> new Backups(empty).restore(notABackup)).isInstanceOf(BackupException.class)
                .hasMessageContaining("not a Staffroom backup");
        assertThatThrownBy(() -> new Backups(empty).restore(otherZip)).isInstanceOf(BackupException.class)
                .hasMessageContaining("not a Staffroom backup");
    }

    @Test
    void aDamagedBackupRestoresNothingAndLeavesTheDatabaseEmpty() throws Exception {
        Path backup = directory.resolve("backup.zip");
        backup(dataSource, backup);
        Path damaged = directory.resolve("damaged.zip");
        // the same backup with the last line of the accounts cut off
        try (ZipFile original = new ZipFile(backup.toFile());
                ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (ZipEntry entry : java.util.Collections.list(original.entries())) {
                byte[] content = original.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("tables/identity_account.jsonl")) {
                    String rows = new String(content, StandardCharsets.UTF_8).strip();
                    content = rows.substring(0, rows.lastIndexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(content);
            }
        }
        DataSource empty = TestDatabase.emptyDatabase();

        assertThatThrownBy(() -> new Backups(empty).restore(damaged)).isInstanceOf(BackupException.class)
                .hasMessageContaining("identity_account").hasMessageContaining("damaged");
        assertThat(tables(empty)).isZero();
        // and the whole backup restores into it afterwards
        new Backups(empty).restore(backup);
        assertThat(count(empty, "identity_account")).isEqualTo(count(dataSource, "identity_account"));
    }

    private static Manifest backup(DataSource source, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return new Backups(source).backup(out);
        }
    }

    private static Map<String, String> entries(Path file) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                entries.put(entry.getName(),
                        new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static long count(DataSource source, String table) throws Exception {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long tables(DataSource source) throws Exception {
        try (Connection connection = source.getConnection();
                ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                        new String[] {"TABLE"})) {
            long count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        }
    }
}
