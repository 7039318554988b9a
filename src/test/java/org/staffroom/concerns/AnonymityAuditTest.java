package org.staffroom.concerns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Api;
import org.staffroom.support.DatabaseDump;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.Unlinkability;
import org.staffroom.support.WebSession;

/**
 * The anonymity audit: after a member acts anonymously (raises a concern, co-signs one, writes through the
 * receipt) while signed in on the pages and the API, no row of any table — sessions included — may hold
 * both something that names the member and something that names what they did anonymously, and no key in
 * the database may recompute their co-signature's tag.
 */
@IntegrationTest
class AnonymityAuditTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void afterAnonymousActsNoRowLinksThemToTheMember() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Audit ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        Person colleague = fixtures.member(groupId, organiser);
        String memberToken = token(api, member);
        WebSession web = WebSession.signedIn(port, member.email(), Fixtures.PASSWORD);
        web.get("/account");
        String path = "/api/v1/groups/" + groupId + "/concerns";

        String colleagueConcern = api.post(path, token(api, colleague), ConcernsApiTest.draft("Rota changes", false))
                .json().get("id").asString();
        Api.Response raised = api.post(path, memberToken, ConcernsApiTest.draft("Bullying by the ward manager", true));
        String concernId = raised.json().get("id").asString();
        String receipt = raised.json().get("receipt").asString();
        fixtures.release();
        for (int i = 0; i < 2; i++) {
            api.post(path + "/" + colleagueConcern + "/cosign", token(api, fixtures.member(groupId, organiser)),
                    Map.of("anonymous", false));
        }
        assertThat(api.post(path + "/" + colleagueConcern + "/cosign", memberToken, Map.of("anonymous", true))
                .json().get("cosignCount").asInt()).as("the count never moves in the request that completes a batch")
                .isZero();
        api.post(path + "/" + concernId + "/messages", token(api, organiser), Map.of("text", "Can you say more?"));
        api.post("/api/v1/receipts/messages", null,
                Map.of("receipt", receipt, "text", "It happens on every late shift"));
        api.post(path + "/" + colleagueConcern + "/comments", memberToken,
                Map.of("text", "Rotas changed without notice for me too", "anonymous", true));
        // on the pages too, and the dump is taken before the redirect is followed: nothing about the act may
        // wait in the session (a flash attribute would)
        String pageConcern = api.post(path, token(api, colleague), ConcernsApiTest.draft("No breaks", false))
                .json().get("id").asString();
        String pagePath = "/groups/" + groupId + "/concerns/" + pageConcern;
        assertThat(web.post(pagePath + "/cosign", Map.of("anonymous", "true")).status()).isEqualTo(302);
        assertThat(web.post(pagePath + "/comments", Map.of("text", "Mine are cut short too", "anonymous", "true"))
                .status()).isEqualTo(302);
        assertThat(web.post(pagePath + "/cosign", Map.of("anonymous", "true")).raw().headers().allValues("Set-Cookie"))
                .as("a second try is refused")
                .anyMatch(cookie -> cookie.startsWith("SR_NOTICE=problem_alreadyCosigned"));
        String tag = jdbc.sql("select tag from concerns_cosign where concern_id = ? and account_id is null")
                .param(UUID.fromString(colleagueConcern)).query(String.class).single();

        List<String> names = new ArrayList<>(Unlinkability.forms(member.id()));
        names.addAll(List.of(member.email(), member.displayName()));
        List<String> anonymousActs = new ArrayList<>(Unlinkability.forms(UUID.fromString(concernId)));
        anonymousActs.addAll(Unlinkability.forms(UUID.fromString(pageConcern)));
        anonymousActs.addAll(List.of(receipt.replace("-", "").substring(0, 8), tag, "It happens on every late shift",
                "Bullying by the ward manager", "Rotas changed without notice for me too", "Mine are cut short too"));
        List<List<String>> rows = DatabaseDump.allRowsWithSessionsJoined(jdbc);
        assertThat(Unlinkability.rowsLinking(rows, names, anonymousActs))
                .as("rows that hold both the member and an anonymous act").isEmpty();
        assertThat(rows).as("the acts are stored").anyMatch(row -> row.contains(tag))
                .anyMatch(row -> row.contains(concernId));
        assertThat(rows).as("the member's session is stored")
                .anyMatch(row -> row.getFirst().equalsIgnoreCase("spring_session")
                        && row.contains(member.id().toString()));

        // no key the database holds recomputes the tag, as a server-side keyed hash of the member would
        Unlinkability.assertNoStoredKeyRecomputes(rows, "concern:" + colleagueConcern, tag);
        // neither the concern whose batch the member completed nor the outbox dates that moment
        assertThat(rows).filteredOn(row -> row.contains(colleagueConcern) || row.contains(concernId))
                .allSatisfy(row -> assertThat(row.subList(1, row.size()))
                        .noneMatch(v -> v.matches(".*\\d{2}:\\d{2}:\\d{2}.*")));
        // an anonymous concern keeps a date, never a time
        assertThat(jdbc.sql("select raised_on from concerns_concern where id = ?").param(UUID.fromString(concernId))
                .query(String.class).single()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private String token(Api api, Person person) {
        return api.signIn(person);
    }
}
