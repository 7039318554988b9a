package org.staffroom.surveys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
import org.staffroom.groups.Networks;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;

/**
 * A network survey: its coordinators build and run it, it runs in every group of the network, and its
 * results are decided over the whole table so that no viewer can work out a small group from another's view.
 */
@IntegrationTest
class NetworkSurveysTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Networks networks;

    @Test
    void aCoordinatorRunsASurveyInEveryGroupAndEveryViewerSeesTheSameDecisions() throws Exception {
        Api api = new Api(port);
        Person coordinator = fixtures.person("coordinator");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID networkId = fixtures.network(coordinator, "Survey network");
        Person organiserA = fixtures.person("organiser");
        Person organiserB = fixtures.person("organiser");
        UUID groupA = fixtures.group(organiserA, "Ward A " + suffix);
        UUID groupB = fixtures.group(organiserB, "Ward B " + suffix);
        networks.join(organiserA.id(), groupA, networkId);
        networks.join(organiserB.id(), groupB, networkId);

        String net = "/api/v1/networks/" + networkId + "/surveys";
        assertThat(api.post(net, organiserA.token(), Map.of("title", "Not mine")).status())
                .as("only coordinators run network surveys").isEqualTo(404);
        String id = api.post(net, coordinator.token(), Map.of("title", "Network conditions " + suffix)).json()
                .get("id").asString();
        String survey = net + "/" + id;
        List<String> questions = new ArrayList<>();
        api.post(survey + "/questions", coordinator.token(), Map.of("kind", "SINGLE", "text", "Your job?", "options",
                List.of("Nurse", "Assistant"), "breakdown", true));
        api.post(survey + "/questions", coordinator.token(), Map.of("code", "stress")).json().get("questions")
                .valueStream().forEach(q -> questions.add(q.get("id").asString()));
        String viaA = "/api/v1/groups/" + groupA + "/surveys/" + id;
        assertThat(api.get(viaA, organiserA.token()).status()).as("a draft, not the organiser's to see").isEqualTo(404);
        api.post(survey + "/open", coordinator.token(), Map.of("closesOn", LocalDate.now().plusDays(7).toString()));
        assertThat(api.post(viaA + "/close", organiserA.token(), Map.of()).status())
                .as("a group's organisers do not run the network's survey").isEqualTo(403);
        assertThat(api.get("/api/v1/groups/" + groupA + "/surveys", organiserA.token()).json().valueStream()
                .map(s -> s.get("id").asString())).as("it runs in every group").contains(id);

        // ward A: 12 nurses and 8 assistants; ward B: 13 nurses
        Person memberA = null;
        for (int i = 0; i < 33; i++) {
            UUID group = i < 20 ? groupA : groupB;
            Person member = fixtures.member(group, i < 20 ? organiserA : organiserB);
            memberA = memberA == null ? member : memberA;
            Map<String, Object> answers = new HashMap<>();
            answers.put(questions.get(0), Map.of("choices", List.of(i < 12 || i >= 20 ? 0 : 1)));
            answers.put(questions.get(1), Map.of("choices", List.of(i % 5)));
            assertThat(api.post("/api/v1/groups/" + group + "/surveys/" + id + "/responses", api.signIn(member),
                    Map.of("answers", answers)).status()).isEqualTo(201);
        }
        assertThat(api.post(viaA + "/responses", api.signIn(fixtures.person("outsider")), Map.of("answers", Map.of()))
                .status()).isEqualTo(404);
        api.post(survey + "/close", coordinator.token(), Map.of());
        api.post(survey + "/publish", coordinator.token(), Map.of());

        JsonNode coordinatorView = api.get(survey + "/results", coordinator.token()).json();
        JsonNode stress = stressRows(coordinatorView, questions.get(1));
        assertThat(stress.get(0).get("respondents").asInt()).as("the whole network").isEqualTo(33);
        assertThat(rowFor(stress, "Ward A " + suffix).get("respondents").asInt()).isEqualTo(20);
        assertThat(rowFor(stress, "Ward B " + suffix).get("respondents").asInt()).isEqualTo(13);

        JsonNode byJob = stressRows(api.get(survey + "/results?by=" + questions.get(0), coordinator.token()).json(),
                questions.get(1));
        assertThat(byJob.valueStream().filter(r -> r.get("group").isNull() && !r.get("suppressed").asBoolean()).count())
                .as("8 assistants would be 33 - 25 nurses: the nurses go too, leaving everyone").isEqualTo(1);

        JsonNode memberView = stressRows(api.get(viaA + "/results?by=" + questions.get(0), api.signIn(memberA)).json(),
                questions.get(1));
        assertThat(memberView.valueStream().map(r -> r.get("group").isNull() ? "network" : r.get("group").asString())
                .distinct()).as("the network's rows and the member's own group's")
                .containsExactly("network", "Ward A " + suffix);
        for (JsonNode row : memberView) {
            if (row.get("group").isNull()) {
                JsonNode same = byJob.valueStream().filter(r -> r.get("group").isNull()
                        && r.get("kind").asString().equals(row.get("kind").asString())
                        && r.get("label").asString("").equals(row.get("label").asString(""))).findFirst().orElseThrow();
                assertThat(row.get("suppressed").asBoolean()).as("the same decision for every viewer")
                        .isEqualTo(same.get("suppressed").asBoolean());
            } else if (!row.get("suppressed").asBoolean()) {
                assertThat(row.get("kind").asString()).as("ward A's 12 nurses would give away its 8 assistants")
                        .isEqualTo("EVERYONE");
            }
        }
        // one question's table, for each viewer: exactly the rows of the whole survey's
        String stressOnly = "?by=" + questions.get(0) + "&question=" + questions.get(1);
        JsonNode coordinatorOne = api.get(survey + "/results" + stressOnly, coordinator.token()).json();
        assertThat(coordinatorOne.get("questions")).hasSize(1);
        assertThat(coordinatorOne.get("questions").get(0).get("rows")).isEqualTo(byJob);
        assertThat(coordinatorOne.get("turnout").asInt()).isEqualTo(33);
        assertThat(
                api.get(viaA + "/results" + stressOnly, api.signIn(memberA)).json().get("questions").get(0).get("rows"))
                .isEqualTo(memberView);

        PageChecks.Visited visited = new PageChecks.Visited();
        Page page = Pages.signedIn(port, coordinator.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/networks/" + networkId);
        page.locator("a[href$='/surveys']").click();
        visited.check(page, "network surveys");
        page.locator("text=Network conditions " + suffix).click();
        assertThat(page.locator("a[href$='/results']")).isVisible();
        visited.check(page, "network survey");
        page.locator("a[href$='/results']").click();
        assertThat(page.locator("main")).containsText("Ward B " + suffix);
        visited.check(page, "network results");
        page.locator("#question").selectOption(questions.get(1));
        page.locator("form[action$='/results'] button").click();
        assertThat(page.locator("main section h2")).hasCount(1);
        assertThat(page.locator("main section h2"))
                .hasText(coordinatorOne.get("questions").get(0).get("question").get("text").asString());
        assertThat(page.locator("a[href*='results.csv']")).hasAttribute("href",
                java.util.regex.Pattern.compile("question=" + questions.get(1)));
        visited.check(page, "one question's results");
        page.navigate(Pages.base(port) + "/networks/" + networkId + "/surveys/new");
        assertThat(page.locator("main form")).isVisible();
        visited.check(page, "new network survey");
        visited.assertClean();
        page.context().close();
    }

    private static JsonNode stressRows(JsonNode results, String questionId) {
        return results.get("questions").valueStream()
                .filter(q -> q.get("question").get("id").asString().equals(questionId))
                .findFirst().orElseThrow().get("rows");
    }

    private static JsonNode rowFor(JsonNode rows, String group) {
        return rows.valueStream().filter(r -> group.equals(r.get("group").asString(""))).findFirst().orElseThrow();
    }
}
