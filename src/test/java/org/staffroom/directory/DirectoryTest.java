package org.staffroom.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.groups.GroupDetails;
import org.staffroom.groups.Groups;
import org.staffroom.support.Api;
import org.staffroom.support.Api.Response;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class DirectoryTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Groups groups;

    @Autowired
    JoinRequests joinRequests;

    @Autowired
    Directory directory;

    @Autowired
    org.staffroom.mail.Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    String unique() {
        return "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    List<String> names(Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("groups").valueStream().map(g -> g.get("name").asString()).toList();
    }

    @Test
    void searchFindsListedGroupsByWordsAreaEmployerProfessionAndSectorButNeverHiddenOnes() {
        Person organiser = fixtures.person("organiser");
        String word = unique();
        groups.create(organiser.id(), new GroupDetails(word + " Community Team", "Severn Mental Health Trust", "NHS_TRUST",
                "Psychological well-being practitioners", "BS34", "Supervision and training", true, "", false));
        groups.create(organiser.id(), new GroupDetails(word + " Home Care", "Riverside Care Ltd", "PRIVATE_CARE_PROVIDER",
                "Home care workers", "BS5", "Paid travel time", true, "", false));
        groups.create(organiser.id(), new GroupDetails(word + " Secret Team", "Severn Mental Health Trust", "NHS_TRUST",
                "Nurses", "BS34", "Not listed", false, "", false));
        Api api = new Api(port);

        assertThat(names(api.get("/api/v1/directory/groups?q=" + word.toLowerCase(), null)))
                .containsExactlyInAnyOrder(word + " Community Team", word + " Home Care");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "+supervis", null)))
                .containsExactly(word + " Community Team");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "&area=bs5", null)))
                .containsExactly(word + " Home Care");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "&employer=severn", null)))
                .containsExactly(word + " Community Team");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "&profession=care", null)))
                .containsExactly(word + " Home Care");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "&sector=PRIVATE_CARE_PROVIDER", null)))
                .containsExactly(word + " Home Care");
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word + "+secret", null))).isEmpty();
    }

    @Test
    void searchesGiveTheSameAnswerWhenEveryWordIsTooCommonToStartFrom() {
        Person organiser = fixtures.person("organiser");
        String word = unique();
        for (int i = 0; i < 3; i++) {
            groups.create(organiser.id(), new GroupDetails(word + " team " + i, "Severn Trust", i == 2 ? "CHARITY" : "NHS_TRUST",
                    "Nurses", "BS" + i, "Safe staffing", true, "", false));
        }
        Directory everyWordCommon = new Directory(jdbc, 0);
        for (SearchQuery query : List.of(new SearchQuery(word, "", "", "", "", 0),
                new SearchQuery(word + " staffing", "bs1", "", "", "", 0),
                new SearchQuery(word, "", "severn", "nurses", "CHARITY", 0),
                new SearchQuery(word + " nowhere", "", "", "", "", 0))) {
            assertThat(everyWordCommon.search(query)).isEqualTo(directory.search(query));
        }
        assertThat(everyWordCommon.search(new SearchQuery(word, "", "", "", "", 0)).listings()).hasSize(3);
        assertThat(everyWordCommon.search(new SearchQuery(word, "", "", "", "CHARITY", 0)).listings()).hasSize(1);
    }

    @Test
    void hidingAGroupRemovesItFromTheDirectoryAtOnce() {
        Person organiser = fixtures.person("organiser");
        String word = unique();
        UUID groupId = fixtures.group(organiser, word + " Ward");
        Api api = new Api(port);
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word, null))).hasSize(1);
        groups.update(organiser.id(), groupId, new GroupDetails(word + " Ward", "", "OTHER", "", "", "", false, "", false));
        assertThat(names(api.get("/api/v1/directory/groups?q=" + word, null))).isEmpty();
        assertThat(api.post("/api/v1/directory/groups/" + groupId + "/join-requests", null,
                Map.of("name", "A", "contact", "a@example.org")).status()).isEqualTo(404);
    }

    @Test
    void badSearchInputIs400() {
        Api api = new Api(port);
        assertThat(api.get("/api/v1/directory/groups?sector=MOON", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/directory/groups?q=" + "x".repeat(101), null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/directory/groups?page=-1", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/directory/groups?page=abc", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/directory/groups?q=%27%3B+drop+table+groups_group%3B--", null).status()).isEqualTo(200);
    }

    @Test
    void aJoinRequestIsKeptOnlyUntilAnOrganiserHandlesIt() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, unique() + " Team");
        Api api = new Api(port);
        Response sent = api.post("/api/v1/directory/groups/" + groupId + "/join-requests", null,
                Map.of("name", "Robin Applicant", "contact", "robin@example.org", "message", "Please let me in"));
        assertThat(sent.status()).isEqualTo(201);
        UUID requestId = UUID.fromString(sent.json().get("id").asString());
        assertThat(mailer.outbox()).anySatisfy(message -> {
            assertThat(message.recipient()).isEqualTo(organiser.email());
            assertThat(message.body()).contains("/groups/" + groupId + "/join-requests")
                    .doesNotContain("Robin").doesNotContain("Team");
        });

        Response invalid = api.post("/api/v1/directory/groups/" + groupId + "/join-requests", null,
                Map.of("name", "", "contact", "x"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        Person member = fixtures.member(groupId, organiser);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> joinRequests.pending(member.id(), groupId)))
                .isInstanceOf(org.staffroom.shared.DomainException.Forbidden.class);

        assertThat(joinRequests.pending(organiser.id(), groupId)).extracting(JoinRequests.JoinRequest::name)
                .containsExactly("Robin Applicant");
        assertThat(jdbc.sql("select count(*) from audit_event where group_id = ? and kind = 'JOIN_REQUESTS_VIEWED' and actor_id = ?")
                .params(groupId, organiser.id()).query(Long.class).single()).isEqualTo(1);
        JoinRequests.Approval approval = joinRequests.approve(organiser.id(), groupId, requestId);
        assertThat(approval.emailed()).isTrue();
        assertThat(jdbc.sql("select count(*) from directory_join_request where id = ?").param(requestId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where group_id = ? and kind = 'JOIN_REQUEST_APPROVED'")
                .param(groupId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void joinRequestsAreThrottledPerClient() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, unique() + " Busy Team");
        Api api = new Api(port, "127.0.0.2");
        Map<String, String> body = new HashMap<>(Map.of("name", "Spammer", "contact", "spam@example.org"));
        int throttled = 0;
        for (int i = 0; i < IntegrationTest.JOIN_REQUESTS_PER_HOUR + 2; i++) {
            Response response = api.post("/api/v1/directory/groups/" + groupId + "/join-requests", null, body);
            if (response.status() == 429) {
                throttled++;
                JsonNode problem = response.json();
                assertThat(problem.get("detail").asString()).isNotBlank();
            }
        }
        assertThat(throttled).isEqualTo(2);
        assertThat(new Api(port).post("/api/v1/directory/groups/" + groupId + "/join-requests", null, body).status())
                .isEqualTo(201);
    }
}
