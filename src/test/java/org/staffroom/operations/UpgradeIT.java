package org.staffroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;

/**
 * The first schema Staffroom had (the foundation's: sessions, accounts, groups, networks; migrations 1 to 3),
 * with people and groups in it, upgraded by the packaged server's start to today's schema, on PostgreSQL and
 * on H2: every migration since runs over real rows, and the people sign in and carry on.
 */
class UpgradeIT {

    private static final String FIRST_SCHEMA = "3";
    private static final String PASSWORD = "an-old-members-password";

    @Test
    void theFirstSchemaWithDataUpgradesOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database upgraded");
            }
            String url = postgres.getJdbcUrl("postgres", "upgraded");
            upgrade(new DriverManagerDataSource(url, "postgres", ""), "postgresql",
                    ServerProcess.onPostgres(url, Files.createTempDirectory("staffroom-upgrade-pg")));
        }
    }

    @Test
    void theFirstSchemaWithDataUpgradesOnH2() throws Exception {
        Path data = Files.createTempDirectory("staffroom-upgrade-h2");
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:file:" + data.toAbsolutePath()
                + "/staffroom;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        upgrade(h2, "h2", ServerProcess.onH2(data));
    }

    private void upgrade(DataSource database, String vendor, Map<String, String> environment) throws Exception {
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .target(FIRST_SCHEMA).load().migrate();
        UUID organiser = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        String hash = new Argon2PasswordEncoder(16, 32, 1, 46 * 1024, 1).encode(PASSWORD);
        LocalDate longAgo = LocalDate.of(2026, 1, 15);
        try (Connection connection = database.getConnection()) {
            for (Object[] account : new Object[][] {{organiser, "first.organiser@example.org", "First Organiser"},
                    {member, "first.member@example.org", "First Member"}}) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into identity_account (id, email, display_name, password_hash, administrator, created_on)
                        values (?, ?, ?, ?, false, ?)""")) {
                    insert.setObject(1, account[0]);
                    insert.setString(2, (String) account[1]);
                    insert.setString(3, (String) account[2]);
                    insert.setString(4, hash);
                    insert.setObject(5, longAgo);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                            insert into groups_group (id, name, employer, sector, professions, area, description, listed,
                                neutral_name, members_can_invite, created_on)
                            values (?, 'Ward 7 Nurses', 'Severnside NHS Trust', 'NHS_TRUST', 'Nurses, healthcare assistants', 'BS10',
                                'The night shift, from the start.', false, null, false, ?)""")) {
                insert.setObject(1, group);
                insert.setObject(2, longAgo);
                insert.executeUpdate();
            }
            for (Object[] membership : new Object[][] {{organiser, "ORGANISER"}, {member, "MEMBER"}}) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into groups_membership (group_id, account_id, role, joined_on) values (?, ?, ?, ?)")) {
                    insert.setObject(1, group);
                    insert.setObject(2, membership[0]);
                    insert.setString(3, (String) membership[1]);
                    insert.setObject(4, longAgo);
                    insert.executeUpdate();
                }
            }
        }

        try (ServerProcess server = new ServerProcess("upgraded-" + vendor, environment).start()) {
            JsonClient organiserApi = new JsonClient(server.url("")).signIn("first.organiser@example.org", PASSWORD);
            JsonClient memberApi = new JsonClient(server.url("")).signIn("first.member@example.org", PASSWORD);
            JsonNode me = organiserApi.get("/api/v1/me").json();

            assertThat(me.get("memberships").get(0).get("groupId").asString()).isEqualTo(group.toString());
            assertThat(me.get("memberships").get(0).get("role").asString()).isEqualTo("ORGANISER");
            // features that came later work on the old rows: an anonymous concern (waiting for the mixing job's
            // release), and a named one co-signed anonymously by the organiser (waiting likewise)
            JsonClient.Answer waiting = memberApi.post("/api/v1/groups/" + group + "/concerns", Map.of("title",
                    "Shouting at handover", "details", "Every morning.", "category", "BULLYING_AND_HARASSMENT",
                    "affected", "Day shift", "anonymous", true));
            assertThat(waiting.status()).as(waiting.body()).isEqualTo(201);
            assertThat(waiting.json().get("receipt").asString()).isNotBlank();
            JsonClient.Answer raised = memberApi.post("/api/v1/groups/" + group + "/concerns", Map.of("title",
                    "Breaks on nights", "details", "No cover for breaks after midnight.", "category",
                    "STAFFING_AND_WORKLOAD",
                    "affected", "Night shift", "anonymous", false));
            assertThat(raised.status()).as(raised.body()).isEqualTo(201);
            String concern = raised.json().get("id").asString();
            JsonClient.Answer cosigned = organiserApi.post(
                    "/api/v1/groups/" + group + "/concerns/" + concern + "/cosign",
                    Map.of("anonymous", true));
            assertThat(cosigned.status()).as(cosigned.body()).isEqualTo(200);
            assertThat(cosigned.json().get("cosignCount").asInt())
                    .as("the count the group sees, which this request does not move")
                    .isZero();
            assertThat(organiserApi.post("/api/v1/groups/" + group + "/concerns/" + concern + "/cosign",
                    Map.of("anonymous", true)).status()).as("once").isEqualTo(409);
            assertThat(organiserApi.get("/api/v1/groups/" + group + "/concerns").json().toString())
                    .contains("Breaks on nights");
        }
    }
}
