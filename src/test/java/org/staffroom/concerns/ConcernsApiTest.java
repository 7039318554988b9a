package org.staffroom.concerns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Api;
import org.staffroom.support.Api.Response;
import org.staffroom.support.ClientAddresses;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class ConcernsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Concerns concerns;

    @Autowired
    ConcernSettings concernSettings;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    /** A token from signing in with the password, which unlocks the member's signing secret. */
    String signIn(Person person) {
        return api().signIn(person);
    }

    static Map<String, Object> draft(String title, boolean anonymous) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("details", "Two nurses on nights for 28 patients, three weeks running.");
        draft.put("category", "STAFFING_AND_WORKLOAD");
        draft.put("affected", "Night shift on Ward 7");
        draft.put("anonymous", anonymous);
        return draft;
    }

    record Group(UUID id, Person organiser, String organiserToken) {
    }

    Group group() {
        Person organiser = fixtures.person("organiser");
        return new Group(fixtures.group(organiser, "Ward 7 " + UUID.randomUUID().toString().substring(0, 6)),
                organiser, signIn(organiser));
    }

    String path(Group group) {
        return "/api/v1/groups/" + group.id() + "/concerns";
    }

    @Test
    void anAnonymousConcernNeverShowsItsAuthorAndItsReceiptIsGivenOnce() {
        Group group = group();
        Person author = fixtures.member(group.id(), group.organiser());
        String token = signIn(author);
        Person colleague = fixtures.member(group.id(), group.organiser());

        Response named = api().post(path(group), token, draft("Named concern", false));
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.json().get("author").asString()).isEqualTo(author.displayName());
        assertThat(named.json().get("receipt").isNull()).isTrue();

        Response anonymous = api().post(path(group), token, draft("Anonymous concern", true));
        assertThat(anonymous.status()).isEqualTo(201);
        assertThat(anonymous.json().get("author").isNull()).isTrue();
        assertThat(anonymous.json().get("anonymous").asBoolean()).isTrue();
        assertThat(anonymous.json().get("receipt").asString()).matches("([0-9A-Z]{4}-){5}[0-9A-Z]{4}");
        String id = anonymous.json().get("id").asString();
        assertThat(anonymous.json().get("waiting").asBoolean()).isTrue();

        String colleagueToken = signIn(colleague);
        assertThat(api().get(path(group), colleagueToken).json().get("concerns").valueStream()
                .map(c -> c.get("title").asString())).as("the group sees it only when the job releases it")
                .containsExactly("Named concern");
        assertThat(api().get(path(group) + "/" + id, colleagueToken).status()).isEqualTo(404);
        fixtures.release();
        Response list = api().get(path(group), colleagueToken);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("concerns").valueStream().map(c -> c.get("title").asString()))
                .containsExactlyInAnyOrder("Named concern", "Anonymous concern");
        JsonNode seen = api().get(path(group) + "/" + id, colleagueToken).json();
        assertThat(seen.get("author").isNull()).isTrue();
        assertThat(seen.get("receipt").isNull()).as("a receipt is shown once, when raised").isTrue();
        JsonNode anonymousInList = list.json().get("concerns").valueStream()
                .filter(c -> c.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(anonymousInList.get("author").isNull()).isTrue();
        assertThat(anonymousInList.toString() + seen.toString()).doesNotContain(author.displayName())
                .doesNotContain(author.id().toString());
        assertThat(api().get(path(group) + "/" + id, token).json().get("author").isNull())
                .as("not even to its author, who is just another member to the server").isTrue();
    }

    @Test
    void nonMembersSeeNothingAndBadInputIsRefusedField() {
        Group group = group();
        Person member = fixtures.member(group.id(), group.organiser());
        String token = signIn(member);
        String id = api().post(path(group), token, draft("Broken hoist", false)).json().get("id").asString();
        Person stranger = fixtures.person("stranger");
        String strangerToken = signIn(stranger);
        assertThat(api().get(path(group), strangerToken).status()).isEqualTo(404);
        assertThat(api().get(path(group) + "/" + id, strangerToken).status()).isEqualTo(404);
        assertThat(api().post(path(group) + "/" + id + "/cosign", strangerToken, Map.of()).status()).isEqualTo(404);
        assertThat(api().post(path(group), strangerToken, draft("x", true)).status()).isEqualTo(404);
        assertThat(api().get(path(group), null).status()).isEqualTo(401);

        Map<String, Object> noTitle = draft("", false);
        Response missing = api().post(path(group), token, noTitle);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").toString()).as("the field named in the problem's errors")
                .contains("title");
        Map<String, Object> badCategory = draft("Hoist", false);
        badCategory.put("category", "MOON");
        assertThat(api().post(path(group), token, badCategory).json().get("errors").toString()).contains("category");
        assertThat(api().post(path(group), token, draft("x".repeat(151), false)).status()).isEqualTo(400);
        assertThat(api().get(path(group) + "?after=yesterday", token).status()).isEqualTo(400);
        assertThat(api().postRaw(path(group), token, "application/json", "{\"title\": [1,2]").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from concerns_concern where group_id = ?").param(group.id())
                .query(Long.class).single()).as("nothing half-saved").isEqualTo(1);

        Response locked = api().post(path(group), member.token(), draft("With a personal token", true));
        assertThat(locked.status()).as("a personal token made without the password cannot act anonymously")
                .isEqualTo(403);
        assertThat(locked.json().get("detail").asString()).contains("confirm your password");
    }

    @Test
    void fiftyParallelCoSignaturesByOneMemberMakeExactlyOne() throws Exception {
        Group group = group();
        Person author = fixtures.member(group.id(), group.organiser());
        String authorToken = signIn(author);
        String id = api().post(path(group), authorToken, draft("Unsafe staffing", true)).json().get("id").asString();
        fixtures.release();
        assertThat(api().post(path(group) + "/" + id + "/cosign", authorToken, Map.of("anonymous", true)).status())
                .as("the anonymous author cannot co-sign their own concern").isEqualTo(409);

        Person member = fixtures.member(group.id(), group.organiser());
        String token = signIn(member);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            boolean anonymous = i % 2 == 0;
            Callable<Integer> attempt = () -> api().post(path(group) + "/" + id + "/cosign", token,
                    Map.of("anonymous", anonymous)).status();
            attempts.add(pool.submit(attempt));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> attempt : attempts) {
            statuses.add(attempt.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
        assertThat(jdbc.sql("select count(*) from concerns_cosign where concern_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(api().get(path(group) + "/" + id, token).json().get("cosignedByMe").asBoolean()).isTrue();
    }

    @Test
    void theCountMovesOnlyWhenTheJobReleasesABatchAndReachingTheThresholdMarksTheConcernShared() {
        Group group = group();
        Person author = fixtures.member(group.id(), group.organiser());
        String id = api().post(path(group), signIn(author), draft("No breaks", false)).json().get("id").asString();
        List<Integer> counts = new ArrayList<>();
        List<Integer> afterEachRun = new ArrayList<>();
        List<Person> anonymousCosigners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Person cosigner = fixtures.member(group.id(), group.organiser());
            if (i % 2 == 1) {
                anonymousCosigners.add(cosigner);
            }
            String token = signIn(cosigner);
            Response cosigned = api().post(path(group) + "/" + id + "/cosign", token, Map.of("anonymous", i % 2 == 1));
            assertThat(cosigned.status()).isEqualTo(200);
            counts.add(cosigned.json().get("cosignCount").asInt());
            fixtures.mix();
            afterEachRun
                    .add(api().get(path(group) + "/" + id, group.organiserToken()).json().get("cosignCount").asInt());
        }
        assertThat(counts).as("no co-signature moves the count in its own request").containsExactly(0, 0, 0, 3);
        assertThat(afterEachRun).as("the job releases them once three wait").containsExactly(0, 0, 3, 3);
        JsonNode concern = api().get(path(group) + "/" + id, group.organiserToken()).json();
        assertThat(concern.get("shared").asBoolean()).isTrue();
        assertThat(concern.get("namedCosigners").size()).as("only named co-signatures are listed").isEqualTo(2);
        String asMember = api().get(path(group) + "/" + id, signIn(fixtures.member(group.id(), group.organiser())))
                .body();
        for (Person anonymous : anonymousCosigners) {
            assertThat(concern.toString() + asMember).as("nobody sees who co-signed anonymously, not even organisers")
                    .doesNotContain(anonymous.displayName()).doesNotContain(anonymous.id().toString());
        }
        fixtures.release();
        assertThat(api().get(path(group) + "/" + id, group.organiserToken()).json().get("cosignCount").asInt())
                .as("the rest at the end of the release period").isEqualTo(4);
    }

    @Test
    void theReceiptOpensAPrivateConversationWithTheOrganisers() {
        Group group = group();
        Person author = fixtures.member(group.id(), group.organiser());
        Response raised = api().post(path(group), signIn(author), draft("Manager shouts at juniors", true));
        String receipt = raised.json().get("receipt").asString();
        String id = raised.json().get("id").asString();
        Api early = api();
        Response waiting = early.post("/api/v1/receipts/concern", null, Map.of("receipt", receipt));
        assertThat(waiting.json().get("waiting").asBoolean()).as("the receipt opens it before the group sees it")
                .isTrue();
        assertThat(
                early.post("/api/v1/receipts/messages", null, Map.of("receipt", receipt, "text", "Too soon")).status())
                .as("nobody to write to until the group sees it").isEqualTo(409);
        fixtures.release();

        assertThat(api().post(path(group) + "/" + id + "/messages", group.organiserToken(),
                Map.of("text", "Thank you. Which shifts?")).status()).isEqualTo(204);
        Api visitor = api();
        Response opened = visitor.post("/api/v1/receipts/concern", null,
                Map.of("receipt", receipt.toLowerCase().replace("-", " ")));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().get("title").asString()).isEqualTo("Manager shouts at juniors");
        assertThat(opened.json().get("conversation").get(0).get("text").asString())
                .isEqualTo("Thank you. Which shifts?");
        JsonNode afterWriting = visitor.post("/api/v1/receipts/messages", null,
                Map.of("receipt", receipt, "text", "Weekend lates")).json();
        assertThat(afterWriting.get("conversation").size()).isEqualTo(2);
        assertThat(afterWriting.get("conversation").get(1).get("waiting").asBoolean()).isTrue();
        assertThat(api().get(path(group) + "/" + id, group.organiserToken()).json().get("conversation").size())
                .as("the organisers see the author's answer with the next release").isEqualTo(1);
        fixtures.release();

        JsonNode organiserView = api().get(path(group) + "/" + id, group.organiserToken()).json();
        assertThat(organiserView.get("conversation").get(1).get("text").asString()).isEqualTo("Weekend lates");
        assertThat(organiserView.get("conversation").get(1).get("fromAuthor").asBoolean()).isTrue();
        String memberToken = signIn(fixtures.member(group.id(), group.organiser()));
        assertThat(api().get(path(group) + "/" + id, memberToken).json().get("conversation").size())
                .as("the conversation is between the author and the organisers").isZero();
        assertThat(api().post(path(group) + "/" + id + "/messages", memberToken, Map.of("text", "hi")).status())
                .isEqualTo(403);

        assertThat(visitor.post("/api/v1/receipts/concern", null, Map.of("receipt", "0000-0000-0000-0000-0000-0000"))
                .json().toString()).contains("receipt");
        assertThat(visitor.post("/api/v1/receipts/concern", null, Map.of("receipt", "not a receipt")).status())
                .isEqualTo(400);
        String wrongSecret = receipt.substring(0, 10) + (receipt.charAt(10) == 'A' ? 'B' : 'A') + receipt.substring(11);
        assertThat(visitor.post("/api/v1/receipts/concern", null, Map.of("receipt", wrongSecret)).status())
                .isEqualTo(400);

        Map<String, String> edit = new HashMap<>(
                Map.of("receipt", receipt, "title", "Manager shouts at juniors on lates",
                        "details", "Every late shift", "category", "BULLYING_AND_HARASSMENT", "affected", "Juniors"));
        JsonNode edited = visitor.post("/api/v1/receipts/edit", null, edit).json();
        assertThat(edited.get("title").asString()).as("the author sees their edit")
                .isEqualTo("Manager shouts at juniors on lates");
        assertThat(edited.get("changeWaiting").asBoolean()).isTrue();
        assertThat(api().get(path(group) + "/" + id, memberToken).json().get("title").asString())
                .as("the group sees it with the next release, not at the moment of the edit")
                .isEqualTo("Manager shouts at juniors");
        edit.put("category", "WEATHER");
        assertThat(visitor.post("/api/v1/receipts/edit", null, edit).status()).isEqualTo(400);
        fixtures.release();
        assertThat(api().get(path(group) + "/" + id, memberToken).json().get("title").asString())
                .isEqualTo("Manager shouts at juniors on lates");
        assertThat(
                visitor.post("/api/v1/receipts/concern", null, Map.of("receipt", receipt)).json().get("changeWaiting")
                        .asBoolean())
                .isFalse();
        Response withdrawn = visitor.post("/api/v1/receipts/withdraw", null, Map.of("receipt", receipt));
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(api().get(path(group), memberToken).body()).as("shown until the next release")
                .contains("Manager shouts");
        fixtures.release();
        assertThat(api().get(path(group), memberToken).body()).doesNotContain("Manager shouts");
        assertThat(visitor.post("/api/v1/receipts/edit", null, Map.of("receipt", receipt, "title", "x", "details", "y",
                "category", "OTHER")).status()).as("a withdrawn concern cannot be edited").isEqualTo(409);
    }

    @Test
    void endedConcernsAreDeletedForGoodAfterTheGroupsRetention() {
        Group group = group();
        String token = signIn(fixtures.member(group.id(), group.organiser()));
        List<UUID> ids = new ArrayList<>();
        for (String title : List.of("Old withdrawn", "Recent withdrawn", "Old open")) {
            ids.add(UUID.fromString(api().post(path(group), token, draft(title, false)).json().get("id").asString()));
        }
        jdbc.sql("update concerns_concern set status = 'WITHDRAWN', ended_on = ? where id = ?")
                .params(java.time.LocalDate.now().minusMonths(13), ids.get(0)).update();
        jdbc.sql("update concerns_concern set status = 'WITHDRAWN', ended_on = ? where id = ?")
                .params(java.time.LocalDate.now().minusMonths(11), ids.get(1)).update();
        jdbc.sql("update concerns_concern set raised_on = ? where id = ?")
                .params(java.time.LocalDate.now().minusYears(3), ids.get(2)).update();
        concerns.deleteExpired();
        assertThat(jdbc.sql("select title from concerns_concern where group_id = ?").param(group.id())
                .query(String.class).list()).containsExactlyInAnyOrder("Recent withdrawn", "Old open");

        org.staffroom.support.WebSession organiserPages = org.staffroom.support.WebSession.signedIn(port,
                group.organiser().email(), Fixtures.PASSWORD);
        String settingsPage = "/groups/" + group.id() + "/concerns/settings";
        organiserPages.get(settingsPage);
        for (Map<String, String> bad : List.of(Map.of("threshold", "1", "retentionMonths", "6"),
                Map.of("threshold", "3", "retentionMonths", "0"),
                Map.of("threshold", "three", "retentionMonths", "6"))) {
            org.staffroom.support.WebSession.Page refused = organiserPages.post(settingsPage, bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(200);
            assertThat(refused.body()).as(bad.toString()).contains("aria-invalid=\"true\"");
        }
        assertThat(organiserPages.post(settingsPage, Map.of("threshold", "3", "retentionMonths", "6")).status())
                .isEqualTo(302);
        assertThat(concernSettings.settings(group.id()).retentionMonths()).isEqualTo(6);
        concerns.deleteExpired();
        assertThat(jdbc.sql("select title from concerns_concern where group_id = ?").param(group.id())
                .query(String.class).list()).containsExactly("Old open");
    }

    @Test
    void wrongReceiptsFromOneClientAreStopped() {
        Api client = new Api(port, ClientAddresses.next());
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (int i = 0; i < 22; i++) {
            Response answer = client.post("/api/v1/receipts/concern", null,
                    Map.of("receipt", "0000-0000-0000-0000-0000-000" + (i % 10)));
            statuses.add(answer.status());
            problems.add(answer.json().get("status").asString());
        }
        // every one of the first 20 is the answer for a wrong receipt; from the 21st on, too many
        assertThat(statuses.subList(0, 20)).as("the first twenty").containsOnly(400);
        assertThat(statuses.subList(20, 22)).as("the 21st and after").containsOnly(429);
        assertThat(problems.subList(20, 22)).as("a problem document saying so").containsOnly("429");
        assertThat(api().post("/api/v1/receipts/concern", null, Map.of("receipt", "0000-0000-0000-0000-0000-0000"))
                .status()).as("other clients are not stopped").isEqualTo(400);
    }
}
