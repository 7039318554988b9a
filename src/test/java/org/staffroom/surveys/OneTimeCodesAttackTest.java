package org.staffroom.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.staffroom.shared.SecretTokens;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.RowOrder;
import org.staffroom.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * One-time codes and the answers they unlock, attacked with a copy of the database: the coordinator knows
 * whom each code on the list went to, so where a code stands in its table must say nothing of its place on the
 * list, and nothing may pair a used code with the answers it unlocked — not the rows, not their transaction
 * numbers, not the old row versions PostgreSQL keeps in a table's pages until a vacuum.
 */
@IntegrationTest
class OneTimeCodesAttackTest {

    private static final int CODES = 40;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void whereACodeStandsSaysNothingOfItsPlaceOnTheListAndNothingPairsItWithItsAnswers() {
        Api api = new Api(port);
        Person coordinator = fixtures.person("coordinator");
        UUID networkId = fixtures.network(coordinator, "Codes network");
        String net = "/api/v1/networks/" + networkId + "/surveys";
        String survey = net + "/"
                + api.post(net, coordinator.token(), Map.of("title", "Codes")).json().get("id").asString();
        String question = api.post(survey + "/questions", coordinator.token(), Map.of("code", "unpaid_hours")).json()
                .get("questions").get(0).get("id").asString();
        JsonNode link = api.post(survey + "/link", coordinator.token(), Map.of("codesRequired", true, "codes", CODES))
                .json();
        String url = link.get("url").asString();
        String publicPath = "/api/v1/public-surveys/" + url.substring(url.lastIndexOf('/') + 1);
        api.post(survey + "/open", coordinator.token(), Map.of("closesOn", LocalDate.now().plusDays(5).toString()));
        UUID surveyId = UUID.fromString(survey.substring(survey.lastIndexOf('/') + 1));
        List<String> list = new ArrayList<>();
        link.get("codes").valueStream().forEach(code -> list.add(code.asString()));

        Map<String, Long> places = places(surveyId);
        List<Long> byList = list.stream().map(code -> places.get(SecretTokens.hash(code))).toList();
        assertThat(Math.abs(RowOrder.tau(byList))).as("codes stand in the table in no relation to the list handed out")
                .isLessThan(0.6);

        // every third code on the list is used, each answer saying which (the number is its place on the list)
        int used = 0;
        for (int i = 0; i < CODES; i += 3) {
            assertThat(api.post(publicPath + "/responses", null, Map.of("code", list.get(i),
                    "answers", Map.of(question, Map.of("number", i)))).status()).isEqualTo(201);
            used++;
        }
        fixtures.mix();
        assertThat(places(surveyId)).hasSize(CODES - used);
        if (TestDatabase.isPostgres()) {
            jdbc.execute("create extension if not exists pageinspect");
            // the job vacuumed: no dead version of a code is left to carry the transaction that used it (a row
            // whose only mark is a lock taken by the transaction that wrote it carries nothing else)
            assertThat(jdbc.queryForObject("""
                    select count(*) from generate_series(0, pg_relation_size('surveys_code') / 8192 - 1) page,
                        heap_page_items(get_raw_page('surveys_code', page::int)) t
                    where t.t_xmax <> 0 and t.t_xmax <> t.t_xmin""", Long.class)).as("dead versions of used codes")
                    .isZero();
            List<Long> responses = jdbc.queryForList("""
                    select distinct xmin::text::bigint from surveys_response where survey_id = ?""", Long.class,
                    surveyId);
            assertThat(responses).as("the responses were written again together, by the job").hasSize(1);
            for (String table : List.of("surveys_response", "surveys_answer")) {
                assertThat(jdbc.queryForObject("""
                        select count(*) from generate_series(0, pg_relation_size('%s') / 8192 - 1) page,
                            heap_page_items(get_raw_page('%s', page::int)) t
                        where t.t_xmax <> 0 and t.t_xmax <> t.t_xmin""".formatted(table, table),
                        Long.class))
                        .as("no old version of an answer keeps the transaction that used its code: " + table)
                        .isZero();
            }
        }
    }

    /** Where each code's row stands in its table, by its hash. */
    private Map<String, Long> places(UUID surveyId) {
        Map<String, Long> places = new HashMap<>();
        jdbc.query("select code_hash, " + RowOrder.place() + " place from surveys_code where survey_id = ?",
                rs -> {
                    places.put(rs.getString("code_hash"), rs.getLong("place"));
                }, surveyId);
        return places;
    }
}
