package org.staffroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.staffroom.operations.FormClient.Page;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two servers, started from the packaged jar exactly alike, on one PostgreSQL database, behind Debian's
 * nginx: a session started on one carries on on the other, limits on sign-in attempts hold across them, and
 * a job by the clock runs once per occurrence, not once per server.
 */
class ScaleOutIT {

    private static final String PASSWORD = "demo-pass-2026";

    static EmbeddedPostgres postgres;
    static ServerProcess a;
    static ServerProcess b;
    static Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database staffroom");
        }
        String url = postgres.getJdbcUrl("postgres", "staffroom");
        // both alike: the demo data is written by the first, which the second finds and leaves; the mixing job
        // every ten seconds, held five seconds after each run
        String[] arguments = {"--staffroom.demo=true", "--staffroom.anonymity.cron=*/10 * * * * *",
                "--staffroom.trusted-proxies=127.0.0.1",
                "--staffroom.jobs.clock-lock=PT5S"};
        // servers on one database share its server keys (docs/security.md, "Server keys")
        String keys = org.staffroom.shared.ServerKeys.newKey();
        a = new ServerProcess("scale-out-a",
                withKeys(ServerProcess.onPostgres(url, Files.createTempDirectory("staffroom-a")), keys),
                arguments).start();
        b = new ServerProcess("scale-out-b",
                withKeys(ServerProcess.onPostgres(url, Files.createTempDirectory("staffroom-b")), keys),
                arguments).start();
        nginx = new Nginx(List.of(a, b));
    }

    private static java.util.Map<String, String> withKeys(java.util.Map<String, String> environment, String keys) {
        java.util.Map<String, String> with = new java.util.HashMap<>(environment);
        with.put("STAFFROOM_KEYS", keys);
        return with;
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (ServerProcess server : new ServerProcess[] {a, b}) {
            if (server != null) {
                server.stop();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSessionStartedOnOneServerCarriesOnOnTheOther() throws Exception {
        FormClient browser = new FormClient();

        Page signedIn = browser.signIn(a.url(""), "organiser@example.org", PASSWORD);
        Page onB = browser.get(b.url("/account"));

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.body()).contains("organiser@example.org");

        // the form read from A, with its CSRF token, is accepted by B; signing out there ends the session on A
        browser.get(a.url("/account"));
        Page signedOut = browser.post(b.url("/logout"), Map.of());
        Page afterwards = browser.get(a.url("/account"));

        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).contains("/login?signedOut");
        assertThat(afterwards.status()).isEqualTo(302);
        assertThat(afterwards.location()).contains("/login");
    }

    @Test
    void throughTheProxyRequestsGoToBothServersAndKeepTheSession() throws Exception {
        String account = "uri=\"/account\"";
        double beforeA = a.metric("http_server_requests_seconds_count", account);
        double beforeB = b.metric("http_server_requests_seconds_count", account);
        FormClient browser = new FormClient();

        Page signedIn = browser.signIn(nginx.url(""), "organiser2@example.org", PASSWORD);
        for (int i = 0; i < 10; i++) {
            Page page = browser.get(nginx.url("/account"));
            assertThat(page.status()).as("request %d", i).isEqualTo(200);
            assertThat(page.body()).contains("organiser2@example.org");
        }

        assertThat(signedIn.location()).doesNotContain("error");
        assertThat(a.metric("http_server_requests_seconds_count", account)).isGreaterThan(beforeA);
        assertThat(b.metric("http_server_requests_seconds_count", account)).isGreaterThan(beforeB);
    }

    @Test
    void wrongPasswordsForAnAccountCountOnEveryServer() throws Exception {
        FormClient guesser = new FormClient();
        for (int i = 0; i < 5; i++) {
            ServerProcess server = i % 2 == 0 ? a : b;
            Page wrong = guesser.signIn(server.url(""), "member3@example.org", "not-the-password-" + i);
            assertThat(wrong.location()).as("guess %d on %s", i, server.name).contains("/login?error");
        }

        // three guesses on A and two on B: the right password is refused on either, for now
        Page onA = new FormClient().signIn(a.url(""), "member3@example.org", PASSWORD);
        Page onB = new FormClient().signIn(b.url(""), "member3@example.org", PASSWORD);

        assertThat(onA.status()).isEqualTo(429);
        assertThat(onB.status()).isEqualTo(429);
        assertThat(new FormClient().signIn(b.url(""), "member4@example.org", PASSWORD).location())
                .doesNotContain("error");
    }

    @Test
    void aJobByTheClockRunsOncePerOccurrenceNotOncePerServer() throws Exception {
        // both servers fire the mixing job every ten seconds; counts are read half-way between occurrences,
        // until three have passed, however long the machine takes
        String job = "job=\"anonymity-mixing\"";
        Reading before = readBetweenOccurrences(job, Long.MIN_VALUE);
        Reading after = before;
        while (after.slot() - before.slot() < 3) {
            after = readBetweenOccurrences(job, after.slot());
        }
        long occurrences = after.slot() - before.slot();

        assertThat(after.runs() - before.runs()).as("runs in %d occurrences, both servers together", occurrences)
                .isEqualTo(occurrences);
        assertThat(after.skips() - before.skips()).as("skipped by the other server").isEqualTo(occurrences);
    }

    /** The job's counts, summed over both servers, and the ten-second slot they were read in. */
    record Reading(long slot, double runs, double skips) {
    }

    /** Reads at second 5 of a slot later than {@code afterSlot}. */
    private static Reading readBetweenOccurrences(String job, long afterSlot) throws Exception {
        while (true) {
            awaitSecondOfSlot(5);
            long slot = Instant.now().getEpochSecond() / 10;
            if (slot <= afterSlot) {
                Thread.sleep(1000);
                continue;
            }
            Reading reading = new Reading(slot, runs(job), skips(job));
            // read within the slot it started in, so that no occurrence fell during the reading
            if (Instant.now().getEpochSecond() / 10 == slot) {
                return reading;
            }
        }
    }

    private static double runs(String job) throws Exception {
        return a.metric("staffroom_jobs_runs_total", job) + b.metric("staffroom_jobs_runs_total", job);
    }

    private static double skips(String job) throws Exception {
        return a.metric("staffroom_jobs_skipped_total", job) + b.metric("staffroom_jobs_skipped_total", job);
    }

    private static void awaitSecondOfSlot(int second) throws InterruptedException {
        while (Instant.now().getEpochSecond() % 10 != second) {
            Thread.sleep(100);
        }
    }
}
