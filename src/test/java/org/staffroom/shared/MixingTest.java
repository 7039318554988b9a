package org.staffroom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.staffroom.shared.AnonymousRows.Table;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

/**
 * The pool loses nothing when the job stops inside its window: a run that fails after rewriting part of a pool
 * leaves every waiting act as it was, still waiting and still due to be rewritten, and the next run does it.
 */
@IntegrationTest
class MixingTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AnonymousRows rows;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    Jobs jobs;

    @Autowired
    List<AnonymousPool> pools;

    @Test
    void aRunThatFailsHalfWayLosesNothingAndTheNextRunDoesItAll() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Crash ward " + UUID.randomUUID().toString().substring(0, 6));
        String g = "/api/v1/groups/" + groupId;
        String concern = api.post(g + "/concerns", api.signIn(organiser), Map.of("title", "Lifts", "details", "Broken",
                "category", "OTHER", "affected", "", "anonymous", false)).json().get("id").asString();
        for (int i = 0; i < 4; i++) {
            assertThat(api.post(g + "/concerns/" + concern + "/cosign", api.signIn(fixtures.member(groupId, organiser)),
                    Map.of("anonymous", true)).status()).isEqualTo(200);
        }
        List<Map<String, Object>> before = waiting(concern);
        assertThat(before).hasSize(4).allSatisfy(row -> assertThat(row.get("fresh")).isEqualTo(true));

        // a pool that rewrites the co-signatures, then fails before its transaction commits (a stop, a crash)
        AnonymousPool failing = new AnonymousPool() {

            @Override
            public String name() {
                return "concerns";
            }

            @Override
            public int mix(AnonymousRows rows) {
                return rows.rewrite(new Table("concerns_cosign", "concern_id", "tag"), "not released");
            }

            @Override
            public int release(boolean periodEnd) {
                throw new IllegalStateException("the server stops");
            }

            @Override
            public List<String> tables() {
                return List.of("concerns_cosign");
            }
        };
        Mixing stopping = new Mixing(List.of(failing), rows, transactions, dataSource, jobs, Clock.systemUTC(), 60);
        assertThatThrownBy(() -> stopping.run(true)).hasMessageContaining("the server stops");
        assertThat(waiting(concern)).as("nothing lost, nothing half-done: still waiting, still to be rewritten")
                .containsExactlyInAnyOrderElementsOf(before);

        fixtures.mix();
        assertThat(jdbc.queryForObject("select count(*) from concerns_cosign where concern_id = ? and released",
                Long.class, UUID.fromString(concern))).isEqualTo(4);
        assertThat(api.get(g + "/concerns/" + concern, api.signIn(organiser)).json().get("cosignCount").asInt())
                .isEqualTo(4);
        assertThat(pools).extracting(AnonymousPool::name).containsExactlyInAnyOrder("concerns", "decisions", "demands",
                "surveys");
    }

    private List<Map<String, Object>> waiting(String concern) {
        return jdbc.queryForList("select tag, account_id, released, fresh from concerns_cosign where concern_id = ?",
                UUID.fromString(concern));
    }
}
