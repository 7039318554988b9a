package org.staffroom.concerns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class CommentsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    String signIn(Person person) {
        return new Api(port).signIn(person);
    }

    @Test
    void membersDiscussNamedOrNotAndOrganisersHideAbuseWhichStaysForTheAudit() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Comment ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        String memberToken = signIn(member);
        String organiserToken = signIn(organiser);
        String g = "/api/v1/groups/" + groupId;
        String concernId = api.post(g + "/concerns", memberToken, ConcernsApiTest.draft("Short staffed", false))
                .json().get("id").asString();
        String comments = g + "/concerns/" + concernId + "/comments";

        assertThat(api.post(comments, memberToken, Map.of("text", "Same on my ward", "anonymous", true)).status())
                .isEqualTo(201);
        JsonNode named = api.post(comments, memberToken, Map.of("text", "You are all useless", "anonymous", false))
                .json();
        assertThat(named).as("the anonymous comment waits for the release; the named one shows at once").hasSize(1);
        fixtures.release();
        JsonNode list = api.get(comments, memberToken).json();
        assertThat(list.get(0).get("author").asString()).isEqualTo(member.displayName());
        assertThat(list.get(1).get("author").isNull()).as("it takes the next place when released").isTrue();
        assertThat(list.get(1).get("text").asString()).isEqualTo("Same on my ward");
        assertThat(api.post(comments, memberToken, Map.of("text", "   ")).status()).isEqualTo(400);
        assertThat(api.post(comments, signIn(fixtures.person("stranger")), Map.of("text", "hi")).status())
                .isEqualTo(404);

        String abusive = list.get(0).get("id").asString();
        assertThat(api.post(g + "/comments/" + abusive + "/hide", memberToken, Map.of()).status()).isEqualTo(403);
        assertThat(api.post(g + "/comments/" + abusive + "/hide", organiserToken, Map.of()).status()).isEqualTo(204);
        JsonNode asMember = api.get(comments, memberToken).json();
        assertThat(asMember.get(0).get("hidden").asBoolean()).isTrue();
        assertThat(asMember.get(0).get("text").isNull()).isTrue();
        assertThat(api.get(comments, organiserToken).json().get(0).get("text").asString())
                .as("kept, for the audit").isEqualTo("You are all useless");
        assertThat(jdbc.sql("select count(*) from audit_event where group_id = ? and kind = 'COMMENT_HIDDEN'")
                .param(groupId).query(Long.class).single()).isEqualTo(1);
        Person otherOrganiser = fixtures.person("organiser");
        UUID otherGroup = fixtures.group(otherOrganiser, "Other ward " + UUID.randomUUID().toString().substring(0, 6));
        assertThat(api.post("/api/v1/groups/" + otherGroup + "/comments/" + abusive + "/hide", signIn(otherOrganiser),
                Map.of()).status()).as("another group's organiser").isEqualTo(404);

        String grievanceId = api.post(g + "/concerns/" + concernId + "/grievance", organiserToken, Map.of()).json()
                .get("id").asString();
        assertThat(api.post(g + "/grievances/" + grievanceId + "/comments", memberToken,
                Map.of("text", "I can collect rotas", "anonymous", false)).json().get(0).get("text").asString())
                .isEqualTo("I can collect rotas");
    }
}
