package org.staffroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.staffroom.support.Api;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

import tools.jackson.databind.JsonNode;

/** The demo instance that ./staffroom demo starts, as the README describes it. */
@IntegrationTest
@TestPropertySource(properties = "staffroom.demo=true")
class DemoDataTest {

    @LocalServerPort
    int port;

    String token(String email) {
        Api.Response response = new Api(port).post("/api/v1/auth/token", null,
                Map.of("email", email, "password", "demo-pass-2026"));
        assertThat(response.status()).as(email).isEqualTo(200);
        return response.json().get("token").asString();
    }

    @Test
    void theDemoHasTheNetworkTheTwoGroupsAndTheirPeople() {
        Api api = new Api(port);
        JsonNode organiser = api.get("/api/v1/me", token("organiser@example.org")).json();
        assertThat(organiser.get("memberships").get(0).get("name").asString())
                .isEqualTo("North Community Mental Health Team");
        assertThat(organiser.get("memberships").get(0).get("role").asString()).isEqualTo("ORGANISER");
        String mentalHealth = organiser.get("memberships").get(0).get("groupId").asString();
        assertThat(api.get("/api/v1/groups/" + mentalHealth + "/members", token("organiser@example.org")).json().size())
                .isEqualTo(36);

        JsonNode organiser2 = api.get("/api/v1/me", token("organiser2@example.org")).json();
        String homeCare = organiser2.get("memberships").get(0).get("groupId").asString();
        assertThat(organiser2.get("memberships").get(0).get("name").asString()).isEqualTo("Riverside Home Care");
        assertThat(api.get("/api/v1/groups/" + homeCare + "/members", token("organiser2@example.org")).json().size())
                .isEqualTo(26);

        for (String member : List.of("member1@example.org", "member14@example.org")) {
            assertThat(api.get("/api/v1/me", token(member)).json().get("memberships").get(0).get("groupId").asString())
                    .isEqualTo(mentalHealth);
        }
        for (String member : List.of("member15@example.org", "member22@example.org")) {
            assertThat(api.get("/api/v1/me", token(member)).json().get("memberships").get(0).get("groupId").asString())
                    .isEqualTo(homeCare);
        }
        assertThat(api.get("/api/v1/me", token("admin@example.org")).json().get("administrator").asBoolean()).isTrue();

        JsonNode listed = api.get("/api/v1/directory/groups", null).json().get("groups");
        assertThat(listed.valueStream().map(g -> g.get("name").asString()))
                .contains("North Community Mental Health Team", "Riverside Home Care");

        WebSession coordinator = WebSession.signedIn(port, "coordinator@example.org", "demo-pass-2026");
        String home = coordinator.get("/").body();
        assertThat(home).contains("Bristol Care Workers Network");
        String networkPath = home.replaceAll("(?s).*href=\"(/networks/[0-9a-f-]{36})\".*", "$1");
        String network = coordinator.get(networkPath).body();
        assertThat(network).contains("North Community Mental Health Team", "Riverside Home Care", "Cleo Coordinator");

        String memberToken = token("member1@example.org");
        tools.jackson.databind.JsonNode concerns = api.get("/api/v1/groups/" + mentalHealth + "/concerns", memberToken)
                .json().get("concerns");
        assertThat(concerns.size()).isEqualTo(8);
        assertThat(concerns.valueStream().filter(c -> c.get("author").isNull()).count()).as("some anonymous")
                .isEqualTo(4);
        assertThat(concerns.valueStream().filter(c -> c.get("shared").asBoolean()).count()).as("some shared by many")
                .isGreaterThanOrEqualTo(2);
        assertThat(concerns.valueStream().map(c -> c.get("category").asString()).distinct().count()).isEqualTo(8);
        assertThat(api.get("/api/v1/groups/" + homeCare + "/concerns", token("member15@example.org")).json()
                .get("concerns").size()).isEqualTo(4);
        tools.jackson.databind.JsonNode grievances = api
                .get("/api/v1/groups/" + mentalHealth + "/grievances", memberToken)
                .json();
        assertThat(grievances.size()).isEqualTo(1);
        tools.jackson.databind.JsonNode grievance = api.get("/api/v1/groups/" + mentalHealth + "/grievances/"
                + grievances.get(0).get("id").asString(), memberToken).json();
        assertThat(grievance.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(grievance.get("plan").size()).as("at the plan stage").isEqualTo(3);
        assertThat(grievance.get("information").size()).isEqualTo(2);

        String organiserToken = token("organiser@example.org");
        tools.jackson.databind.JsonNode momentum = api
                .get("/api/v1/groups/" + mentalHealth + "/momentum", organiserToken).json();
        assertThat(momentum.get("meetings").size()).isEqualTo(6);
        assertThat(momentum.get("warnings").valueStream().map(tools.jackson.databind.JsonNode::asString))
                .as("attendance has fallen three meetings running").contains("ATTENDANCE_FALLING");
        tools.jackson.databind.JsonNode meetings = api.get("/api/v1/groups/" + mentalHealth + "/meetings", memberToken)
                .json();
        assertThat(meetings.get("upcoming").get(0).get("title").asString()).isEqualTo("Team meeting");
        tools.jackson.databind.JsonNode proposals = api
                .get("/api/v1/groups/" + mentalHealth + "/proposals", memberToken).json();
        assertThat(proposals.size()).as("and the vote that mandated the reps").isEqualTo(3);
        assertThat(proposals.valueStream()
                .filter(p -> p.get("closed").asBoolean() && p.get("kind").asString().equals("CONSENSUS"))
                .count()).isEqualTo(1);
        assertThat(proposals.valueStream().filter(p -> !p.get("closed").asBoolean() && p.get("secret").asBoolean())
                .count())
                .isEqualTo(1);

        tools.jackson.databind.JsonNode demands = api.get("/api/v1/groups/" + mentalHealth + "/demands", memberToken)
                .json();
        assertThat(demands.size()).isEqualTo(2);
        tools.jackson.databind.JsonNode won = demands.valueStream()
                .filter(d -> "MET".equals(d.get("outcome").asString()))
                .findFirst().orElseThrow();
        tools.jackson.databind.JsonNode cover = api
                .get("/api/v1/groups/" + mentalHealth + "/demands/" + won.get("id").asString(),
                        memberToken)
                .json();
        assertThat(cover.get("step").asInt()).as("won after escalation").isEqualTo(1);
        assertThat(cover.get("mandates").size()).isEqualTo(1);
        assertThat(demands.valueStream().filter(d -> d.get("status").asString().equals("SENT")).count())
                .as("one awaiting a response").isEqualTo(1);
        String upcoming = meetings.get("upcoming").get(0).get("id").asString();
        assertThat(api.get("/api/v1/groups/" + mentalHealth + "/meetings/" + upcoming, memberToken).json().get("agenda")
                .valueStream().filter(item -> !item.get("path").isNull()).count())
                .as("the open demand is on the agenda")
                .isEqualTo(1);

        tools.jackson.databind.JsonNode surveys = api.get("/api/v1/groups/" + mentalHealth + "/surveys", memberToken)
                .json();
        assertThat(surveys.valueStream().map(s -> s.get("status").asString())).containsExactlyInAnyOrder("OPEN",
                "PUBLISHED");
        String published = surveys.valueStream().filter(s -> s.get("status").asString().equals("PUBLISHED")).findFirst()
                .orElseThrow().get("id").asString();
        tools.jackson.databind.JsonNode results = api.get("/api/v1/groups/" + mentalHealth + "/surveys/" + published
                + "/results?by=profession", memberToken).json();
        assertThat(results.get("turnout").asInt()).isEqualTo(60);
        List<Boolean> hidden = results.get("questions").get(0).get("rows").valueStream()
                .map(r -> r.get("suppressed").asBoolean()).toList();
        assertThat(hidden).as("some of the breakdown shows, some is hidden").contains(true, false);
    }
}
