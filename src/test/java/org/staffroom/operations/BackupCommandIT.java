package org.staffroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The backup and restore commands of the packaged jar, as {@code ./staffroom backup FILE} runs them: an H2
 * instance backed up once its server has stopped (and refused while it runs), restored into PostgreSQL, and
 * served from there; a PostgreSQL instance backed up while its server runs.
 */
class BackupCommandIT {

    private static final String PASSWORD = "demo-pass-2026";

    record Result(int exitCode, String output) {
    }

    @Test
    void anH2InstanceBackedUpRestoresIntoPostgresqlAndServesFromThere() throws Exception {
        Path data = Files.createTempDirectory("staffroom-backup-h2");
        Path backup = data.resolveSibling(data.getFileName() + ".zip");
        Map<String, String> h2 = ServerProcess.onH2(data);
        String meeting;
        try (ServerProcess server = new ServerProcess("backup-h2", h2, "--staffroom.demo=true").start()) {
            JsonClient api = new JsonClient(server.url("")).signIn("organiser@example.org", PASSWORD);
            meeting = api.get("/api/v1/me").json().get("memberships").get(0).get("groupId").asString();
            Result whileRunning = command(h2, "backup", backup.toString());

            assertThat(whileRunning.exitCode()).isEqualTo(1);
            assertThat(whileRunning.output()).contains("is in use by a running server");
            assertThat(backup).doesNotExist();
        }
        Result backedUp = command(h2, "backup", backup.toString());

        assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
        assertThat(backedUp.output()).contains("Backed up");

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database restored");
            }
            Map<String, String> pg = ServerProcess.onPostgres(postgres.getJdbcUrl("postgres", "restored"),
                    Files.createTempDirectory("staffroom-restored"));
            Result restored = command(pg, "restore", backup.toString());
            Result again = command(pg, "restore", backup.toString());

            assertThat(restored.exitCode()).as(restored.output()).isZero();
            assertThat(restored.output()).contains("Restored");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.output()).contains("not empty");
            try (ServerProcess server = new ServerProcess("restored-on-postgres", pg).start()) {
                JsonClient api = new JsonClient(server.url("")).signIn("organiser@example.org", PASSWORD);
                assertThat(api.get("/api/v1/me").json().get("memberships").get(0).get("groupId").asString())
                        .isEqualTo(meeting);
                assertThat(api.get("/api/v1/groups/" + meeting + "/concerns").status()).isEqualTo(200);

                // and PostgreSQL is backed up while its server runs
                Path online = Files.createTempDirectory("staffroom-online").resolve("online.zip");
                Result onlineBackup = command(pg, "backup", online.toString());
                assertThat(onlineBackup.exitCode()).as(onlineBackup.output()).isZero();
                assertThat(Files.size(online)).isGreaterThan(Files.size(backup) / 2);
            }
        }
    }

    @Test
    void aWrongCommandLineOrAFileThatIsNotABackupSaysSo() throws Exception {
        Map<String, String> h2 = ServerProcess.onH2(Files.createTempDirectory("staffroom-backup-wrong"));
        Path notABackup = Files.createTempFile("not-a-backup", ".zip");
        Files.writeString(notABackup, "hello");

        Result missingFile = command(h2, "backup");
        Result notThere = command(h2, "restore", "/nonexistent/backup.zip");
        Result wrongFile = command(h2, "restore", notABackup.toString());

        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.output()).contains("Usage");
        assertThat(notThere.exitCode()).isEqualTo(2);
        assertThat(notThere.output()).contains("No such file");
        assertThat(wrongFile.exitCode()).isEqualTo(1);
        assertThat(wrongFile.output()).contains("not a Staffroom backup");
    }

    private static Result command(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-jar", ServerProcess.JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("STAFFROOM_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Result(process.waitFor(), output);
    }
}
