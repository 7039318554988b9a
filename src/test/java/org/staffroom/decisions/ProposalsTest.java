package org.staffroom.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Api;
import org.staffroom.support.Api.Response;
import org.staffroom.support.DatabaseDump;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class ProposalsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    record Group(UUID id, Person organiser, List<Person> members, List<String> tokens) {
    }

    Group group(int members) {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID id = fixtures.group(organiser, "Vote ward " + UUID.randomUUID().toString().substring(0, 6));
        List<Person> people = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            Person member = fixtures.member(id, organiser);
            people.add(member);
            tokens.add(api.signIn(member));
        }
        return new Group(id, organiser, people, tokens);
    }

    static Map<String, Object> draft(String kind, boolean secret, boolean live, String... options) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", "Proposal " + kind);
        draft.put("details", "What we decide");
        draft.put("kind", kind);
        draft.put("secret", secret);
        draft.put("resultsLive", live);
        draft.put("closesAt", LocalDateTime.now().plusDays(2).withNano(0).toString());
        draft.put("options", List.of(options));
        return draft;
    }

    String propose(Group group, Map<String, Object> draft) {
        Response response = new Api(port).post("/api/v1/groups/" + group.id() + "/proposals", group.tokens().getFirst(),
                draft);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    String path(Group group, String id) {
        return "/api/v1/groups/" + group.id() + "/proposals/" + id;
    }

    void close(String id) {
        jdbc.sql("update decisions_proposal set closes_at = ? where id = ?")
                .params(OffsetDateTime.now().minusMinutes(1), UUID.fromString(id)).update();
    }

    @Test
    void everyKindIsCountedAndResultsWaitForTheCloseUnlessShownLive() {
        Group group = group(5);
        Api api = new Api(port);
        String consensus = propose(group, draft("CONSENSUS", false, false));
        List<String> stances = List.of("AGREE", "AGREE", "AGREE", "ABSTAIN", "BLOCK");
        for (int i = 0; i < 5; i++) {
            assertThat(api
                    .post(path(group, consensus) + "/ballots", group.tokens().get(i), Map.of("answer", stances.get(i)))
                    .json().get("turnout").asInt()).isEqualTo(i + 1);
        }
        JsonNode open = api.get(path(group, consensus), group.tokens().get(1)).json();
        assertThat(open.get("result").isNull()).as("hidden until the close").isTrue();
        assertThat(open.get("turnout").asInt()).isEqualTo(5);
        assertThat(open.get("votedByMe").asBoolean()).isTrue();
        close(consensus);
        JsonNode closed = api.get(path(group, consensus), group.tokens().get(1)).json();
        assertThat(closed.get("result").get("outcome").asString()).isEqualTo("BLOCKED");
        assertThat(api.post(path(group, consensus) + "/ballots", group.organiser().token(), Map.of("answer", "AGREE"))
                .status()).as("closed").isEqualTo(409);

        Map<String, Object> yesNo = draft("YES_NO", false, true);
        yesNo.put("majority", "TWO_THIRDS");
        String twoThirds = propose(group, yesNo);
        List<String> votes = List.of("YES", "YES", "NO", "ABSTAIN");
        for (int i = 0; i < votes.size(); i++) {
            api.post(path(group, twoThirds) + "/ballots", group.tokens().get(i + 1), Map.of("answer", votes.get(i)));
        }
        JsonNode live = api.get(path(group, twoThirds), group.tokens().get(4)).json();
        assertThat(live.get("result").get("carried").asBoolean()).as("2 of 3 who took a side").isTrue();

        String ranked = propose(group, draft("RANKED", false, true, "A", "B", "C"));
        List<List<Integer>> rankings = List.of(List.of(0, 1), List.of(0, 1), List.of(1, 0), List.of(2, 1),
                List.of(2, 1));
        for (int i = 0; i < 5; i++) {
            api.post(path(group, ranked) + "/ballots", group.tokens().get(i), Map.of("choices", rankings.get(i)));
        }
        JsonNode rankedResult = api.get(path(group, ranked), group.tokens().getFirst()).json().get("result");
        // round 1: A 2, B 1, C 2 -> B out, its ballot goes to A; round 2: A 3 of 5
        assertThat(rankedResult.get("rounds").get(0).get("eliminated").get(0).asString()).isEqualTo("B");
        assertThat(rankedResult.get("winner").asString()).isEqualTo("A");
        assertThat(rankedResult.get("rounds").size()).isEqualTo(2);

        Map<String, Object> dots = draft("DOTS", false, true, "Caseloads", "Mileage");
        dots.put("points", 3);
        String dotsId = propose(group, dots);
        api.post(path(group, dotsId) + "/ballots", group.tokens().getFirst(), Map.of("points", List.of(3, 0)));
        api.post(path(group, dotsId) + "/ballots", group.tokens().get(1), Map.of("points", List.of(1, 2)));
        assertThat(api.post(path(group, dotsId) + "/ballots", group.tokens().get(2), Map.of("points", List.of(3, 1)))
                .status())
                .as("more points than given").isEqualTo(400);
        assertThat(api.get(path(group, dotsId), group.tokens().getFirst()).json().get("result").get("counts")
                .get("Caseloads").asInt()).isEqualTo(4);

        String several = propose(group, draft("CHOOSE_SEVERAL", false, true, "Rotas", "Breaks", "Pay"));
        assertThat(
                api.post(path(group, several) + "/ballots", group.tokens().getFirst(), Map.of("choices", List.of(0, 2)))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(path(group, several) + "/ballots", group.tokens().get(1), Map.of("choices", List.of(0, 0)))
                .status()).isEqualTo(400);
        assertThat(api.post(path(group, several) + "/ballots", group.tokens().get(1), Map.of("choices", List.of(7)))
                .status()).isEqualTo(400);
        assertThat(api.post(path(group, several) + "/ballots", group.tokens().getFirst(), Map.of("choices", List.of(1)))
                .status()).as("one ballot, no changing it").isEqualTo(409);

        String one = propose(group, draft("CHOOSE_ONE", false, true, "Monday", "Tuesday"));
        api.post(path(group, one) + "/ballots", group.tokens().getFirst(), Map.of("choices", List.of(1)));
        assertThat(api.get(path(group, one), group.tokens().getFirst()).json().get("result").get("leaders").get(0)
                .asString()).isEqualTo("Tuesday");
        assertThat(api.get(path(group, one), fixtures.person("stranger").token()).status()).isEqualTo(404);
        assertThat(api.post(path(group, one) + "/close", group.tokens().get(1), Map.of()).status())
                .as("only organisers close early").isEqualTo(403);
        assertThat(api.post(path(group, one) + "/close", group.organiser().token(), Map.of()).json().get("closed")
                .asBoolean()).isTrue();
        assertThat(api.post(path(group, one) + "/close", group.organiser().token(), Map.of()).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/groups/" + group.id() + "/proposals", group.tokens().getFirst()).json().size())
                .isEqualTo(6);
    }

    @Test
    void badProposalsAreRefusedFieldByField() {
        Group group = group(1);
        Api api = new Api(port);
        String proposals = "/api/v1/groups/" + group.id() + "/proposals";
        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(Map.entry("kind", "ARM_WRESTLING"),
                Map.entry("closesAt", "soon"),
                Map.entry("closesAt", LocalDateTime.now().minusDays(1).withNano(0).toString()),
                Map.entry("options", List.of("Only one")), Map.entry("quorumPercent", 150), Map.entry("title", ""))) {
            Map<String, Object> draft = draft("CHOOSE_ONE", false, false, "A", "B");
            draft.put(bad.getKey(), bad.getValue());
            Response refused = api.post(proposals, group.tokens().getFirst(), draft);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.body()).as(bad.toString()).contains(bad.getKey());
        }
        assertThat(jdbc.sql("select count(*) from decisions_proposal where group_id = ?").param(group.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSecretBallotIsOncePerMemberUnlinkableAndItsCountMovesOnlyWithTheJob() throws Exception {
        Group group = group(4);
        Api api = new Api(port);
        Response live = api.post("/api/v1/groups/" + group.id() + "/proposals", group.tokens().getFirst(),
                draft("YES_NO", true, true));
        assertThat(live.status()).as("a secret ballot with live results is refused").isEqualTo(400);
        assertThat(live.json().toString()).contains("resultsLive").contains("cannot show results while voting is open");
        Map<String, Object> draft = draft("YES_NO", true, false);
        draft.put("quorumPercent", 60);
        String id = propose(group, draft);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(pool.submit(() -> api.post(path(group, id) + "/ballots", group.tokens().getFirst(),
                    Map.of("answer", "YES")).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> attempt : attempts) {
            statuses.add(attempt.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);

        Response second = api.post(path(group, id) + "/ballots", group.tokens().get(1), Map.of("answer", "NO"));
        assertThat(second.json().get("turnout").asInt()).as("no ballot moves the turnout in its own request").isZero();
        fixtures.mix();
        JsonNode two = api.get(path(group, id), group.tokens().get(2)).json();
        assertThat(two.get("turnout").asInt()).as("two waiting are not a batch").isZero();
        assertThat(two.get("result").isNull()).isTrue();
        assertThat(api.post(path(group, id) + "/ballots", group.members().get(2).token(), Map.of("answer", "YES"))
                .status())
                .as("a personal token cannot unlock the signing secret").isEqualTo(403);
        api.post(path(group, id) + "/ballots", group.tokens().get(2), Map.of("answer", "YES"));
        assertThat(api.get(path(group, id), group.tokens().get(2)).json().get("turnout").asInt()).isZero();
        fixtures.mix();
        JsonNode three = api.get(path(group, id), group.tokens().get(2)).json();
        assertThat(three.get("turnout").asInt()).as("released by the job once three wait").isEqualTo(3);
        assertThat(three.get("result").isNull()).as("a secret ballot's result waits for the close").isTrue();
        api.post(path(group, id) + "/ballots", group.tokens().get(3), Map.of("answer", "NO"));
        close(id);
        JsonNode four = api.get(path(group, id), group.tokens().get(2)).json();
        assertThat(four.get("turnout").asInt()).as("once closed, every ballot counts").isEqualTo(4);
        assertThat(four.get("result").get("yes").asInt()).isEqualTo(2);
        assertThat(four.get("quorumMet").asBoolean()).isTrue();
        assertThat(four.get("votedByMe").asBoolean()).isTrue();

        List<String> tags = jdbc.sql("select voter from decisions_ballot where proposal_id = ?")
                .param(UUID.fromString(id))
                .query(String.class).list();
        assertThat(tags).hasSize(4).allSatisfy(tag -> assertThat(group.members().stream().map(m -> m.id().toString()))
                .doesNotContain(tag));
        for (List<String> row : DatabaseDump.allRowsWithSessionsJoined(jdbc)) {
            String all = String.join("|", row);
            boolean namesMember = group.members().stream()
                    .anyMatch(m -> all.contains(m.id().toString()) || all.contains(m.email()));
            if (namesMember) {
                assertThat(tags).as("a row that names a member holds no ballot's tag: " + row.getFirst())
                        .noneMatch(all::contains);
            }
        }
    }
}
