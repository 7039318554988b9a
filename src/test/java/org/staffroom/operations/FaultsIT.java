package org.staffroom.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.staffroom.operations.FormClient.Page;
import org.staffroom.operations.JsonClient.Answer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;

/**
 * Staffroom broken on purpose: a server killed (SIGKILL) in the middle of a write load, on PostgreSQL and on
 * H2; PostgreSQL stopped and started again under load; the disk under H2 filled up. Writes are meetings with
 * a ten-item agenda, eleven rows in one transaction, so a half-done write would show.
 */
class FaultsIT {

    private static final String PASSWORD = "demo-pass-2026";
    private static final String ORGANISER = "organiser@example.org";
    private static final String GROUP = "North Community Mental Health Team";
    private static final int AGENDA_ITEMS = 10;

    @Test
    void aServerKilledInTheMiddleOfWritesKeepsEveryAcknowledgedOneOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = createDatabase(postgres);
            killedMidWrites(name -> ServerProcess.onPostgres(url, temporaryDirectory(name)),
                    new Database(url, "postgres"));
        }
    }

    @Test
    void aServerKilledInTheMiddleOfWritesKeepsEveryAcknowledgedOneOnH2() throws Exception {
        Path data = Files.createTempDirectory("staffroom-kill-h2");
        killedMidWrites(name -> ServerProcess.onH2(data), Database.h2(data));
    }

    /** The database a test's servers used, read directly once they have stopped (H2 allows one process at a time). */
    record Database(String url, String user) {

        static Database h2(Path data) {
            return new Database(
                    "jdbc:h2:file:" + data.toAbsolutePath() + "/staffroom;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                    "sa");
        }

        long count(String sql) throws Exception {
            try (Connection connection = java.sql.DriverManager.getConnection(url, user, "");
                    Statement statement = connection.createStatement();
                    java.sql.ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }

        /** Meetings whose title starts with {@code prefix}: how many, and how many do not have their whole agenda. */
        long meetings(String prefix) throws Exception {
            return count("select count(*) from meetings_meeting where title like '" + prefix + "%'");
        }

        long halfDone() throws Exception {
            return count(
                    "select count(*) from meetings_meeting m where (m.title like 'Load %' or m.title like 'Before %'"
                            + " or m.title like 'While full %' or m.title = 'After') and (select count(*) from meetings_agenda_item a"
                            + " where a.meeting_id = m.id) <> " + AGENDA_ITEMS);
        }
    }

    private void killedMidWrites(Function<String, Map<String, String>> environment, Database database)
            throws Exception {
        ServerProcess server = new ServerProcess("killed", environment.apply("killed"), "--staffroom.demo=true")
                .start();
        JsonClient api = new JsonClient(server.url("")).signIn(ORGANISER, PASSWORD);
        String group = groupId(api);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            writers.submit(() -> {
                while (!stop.get()) {
                    try {
                        Answer answer = api.post("/api/v1/groups/" + group + "/meetings",
                                meeting("Load " + sent.incrementAndGet()));
                        if (answer.status() == 201) {
                            acknowledged.add(answer.json().get("id").asString());
                        }
                    } catch (IOException | InterruptedException killed) {
                        return null;
                    }
                }
                return null;
            });
        }
        await(() -> acknowledged.size() >= 60, Duration.ofSeconds(90));

        server.kill();
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        Set<String> beforeTheKill = Set.copyOf(acknowledged);
        try (ServerProcess restarted = new ServerProcess("restarted", environment.apply("restarted"),
                "--staffroom.demo=true").start()) {
            JsonClient after = new JsonClient(restarted.url("")).signIn(ORGANISER, PASSWORD);
            for (String id : beforeTheKill) {
                Answer meeting = after.get("/api/v1/groups/" + group + "/meetings/" + id);
                assertThat(meeting.status()).as("acknowledged meeting %s", id).isEqualTo(200);
                assertThat(meeting.json().get("agenda").size()).isEqualTo(AGENDA_ITEMS);
            }
        }
        // every meeting the load wrote is whole, acknowledged or not (the last ones may have committed unanswered)
        assertThat(database.halfDone()).isZero();
        assertThat(database.meetings("Load ")).isBetween((long) beforeTheKill.size(), (long) sent.get());
    }

    @Test
    void withPostgresStoppedPagesAnswer503AndTheServerRecoversWhenItIsBack() throws Exception {
        Path pgData = Files.createTempDirectory("staffroom-pg-restart");
        int pgPort = ServerProcess.freePort();
        EmbeddedPostgres postgres = postgres(pgData, pgPort);
        String url = createDatabase(postgres);
        try (ServerProcess server = new ServerProcess("postgres-restart",
                ServerProcess.onPostgres(url, temporaryDirectory("pg")),
                "--staffroom.demo=true").start()) {
            FormClient browser = new FormClient();
            browser.signIn(server.url(""), ORGANISER, PASSWORD);
            JsonClient api = new JsonClient(server.url("")).signIn(ORGANISER, PASSWORD);
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService load = Executors.newFixedThreadPool(2);
            load.submit(() -> {
                while (!stop.get()) {
                    statuses.computeIfAbsent(browser.get(server.url("/account")).status(), s -> new AtomicInteger())
                            .incrementAndGet();
                }
                return null;
            });
            load.submit(() -> {
                while (!stop.get()) {
                    statuses.computeIfAbsent(api.get("/api/v1/groups").status(), s -> new AtomicInteger())
                            .incrementAndGet();
                }
                return null;
            });
            Thread.sleep(1000);

            postgres.close();
            await(() -> statuses.containsKey(503), Duration.ofSeconds(60));
            Page page = browser.get(server.url("/account"));
            Answer problem = api.get("/api/v1/groups");
            Answer ready = new JsonClient(server.url("")).get("/readyz");

            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("temporarily unavailable").doesNotContain("Exception")
                    .doesNotContain("at org.");
            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.contentType()).startsWith("application/problem+json");
            assertThat(problem.json().get("detail").asString()).contains("temporarily unavailable");
            assertThat(ready.status()).isEqualTo(503);

            postgres = postgres(pgData, pgPort);
            await(() -> browser.get(server.url("/account")).status() == 200, Duration.ofSeconds(60));
            stop.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(browser.get(server.url("/account")).body()).as("the same session, kept in the database")
                    .contains(ORGANISER);
            assertThat(api.get("/api/v1/groups").status()).isEqualTo(200);
            assertThat(statuses.keySet()).as("every answer during the outage").containsOnly(200, 503);
            assertThat(server.alive()).isTrue();
        } finally {
            postgres.close();
        }
    }

    @Test
    void aFullDiskUnderH2GivesAClearErrorAndCorruptsNothing() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small file system needs root");
        Path disk = Files.createTempDirectory("staffroom-full-disk");
        run("mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", disk.toString());
        try {
            Path data = Files.createDirectories(disk.resolve("data"));
            Database database = Database.h2(data);
            int savedWhileFull = 0;
            try (ServerProcess server = new ServerProcess("disk-full", ServerProcess.onH2(data),
                    "--staffroom.demo=true").start()) {
                JsonClient api = new JsonClient(server.url("")).signIn(ORGANISER, PASSWORD);
                String group = groupId(api);
                for (int i = 0; i < 5; i++) {
                    assertThat(api.post("/api/v1/groups/" + group + "/meetings", meeting("Before " + i)).status())
                            .isEqualTo(201);
                }
                Path filler = disk.resolve("filler");
                fill(filler);

                // the database may still find room inside its file (pages it freed) for a while: write until it
                // cannot, for at most two minutes
                List<Answer> whileFull = new ArrayList<>();
                long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                Answer last;
                do {
                    last = api.post("/api/v1/groups/" + group + "/meetings", meeting("While full " + whileFull.size()));
                    whileFull.add(last);
                } while (last.status() == 201 && System.nanoTime() < until);
                Answer page = new JsonClient(server.url("")).get("/login");
                Files.delete(filler);
                savedWhileFull = (int) whileFull.stream().filter(answer -> answer.status() == 201).count();

                assertThat(last.status()).as("a write the full disk refused").isEqualTo(503);
                assertThat(last.contentType()).startsWith("application/problem+json");
                assertThat(last.json().get("detail").asString()).contains("temporarily unavailable");
                assertThat(page.status()).isIn(200, 503);
                // with space again, the same server takes writes again
                await(() -> api.post("/api/v1/groups/" + group + "/meetings", meeting("After")).status() == 201,
                        Duration.ofSeconds(60));
            }
            // the database opens cleanly from its files, and every meeting in it is whole
            try (ServerProcess restarted = new ServerProcess("disk-full-restarted", ServerProcess.onH2(data)).start()) {
                assertThat(new JsonClient(restarted.url("")).signIn(ORGANISER, PASSWORD)).isNotNull();
            }
            assertThat(database.halfDone()).isZero();
            assertThat(database.meetings("Before ")).isEqualTo(5);
            assertThat(database.meetings("While full ")).isEqualTo(savedWhileFull);
            assertThat(database.meetings("After")).isGreaterThanOrEqualTo(1);
        } finally {
            run("umount", disk.toString());
        }
    }

    private static Map<String, Object> meeting(String title) {
        List<String> agenda = new ArrayList<>();
        for (int i = 1; i <= AGENDA_ITEMS; i++) {
            agenda.add("Item " + i + " of " + title);
        }
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("date", LocalDate.now().plusDays(7).toString());
        draft.put("startTime", "18:00");
        draft.put("endTime", "19:00");
        draft.put("place", "Staff room");
        draft.put("agenda", String.join("\n", agenda));
        return draft;
    }

    private static String groupId(JsonClient api) throws Exception {
        for (JsonNode group : api.get("/api/v1/groups").json()) {
            if (GROUP.equals(group.get("name").asString())) {
                return group.get("id").asString();
            }
        }
        throw new IllegalStateException("the demo group is missing");
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static String createDatabase(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database staffroom");
        }
        return postgres.getJdbcUrl("postgres", "staffroom");
    }

    private static Path temporaryDirectory(String name) {
        try {
            return Files.createTempDirectory("staffroom-" + name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes to {@code file} until the file system is full. */
    /** Writes the file until the device is full to the last byte: in megabytes, then in kilobytes, then byte by byte. */
    private static void fill(Path file) {
        for (int size : new int[] {1 << 20, 1 << 12, 1}) {
            byte[] block = new byte[size];
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                while (true) {
                    out.write(block);
                }
            } catch (IOException full) {
                // no space left on the device for a block this size: what this test wants
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    interface Condition {

        boolean holds() throws Exception;
    }

    private static void await(Condition condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
