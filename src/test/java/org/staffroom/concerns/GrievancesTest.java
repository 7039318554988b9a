package org.staffroom.concerns;

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
import org.staffroom.support.Api;
import org.staffroom.support.Api.Response;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;

/** From a shared concern to a collective grievance: adoption, the three stages, status and timeline. */
@IntegrationTest
class GrievancesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Concerns concerns;

    String signIn(Person person) {
        return new Api(port).signIn(person);
    }

    @Test
    void theGroupWorksAConcernThroughProblemInformationAndPlanToAWin() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Grievance ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        String organiserToken = signIn(organiser);
        String memberToken = signIn(member);
        String g = "/api/v1/groups/" + groupId;
        String concernId = api.post(g + "/concerns", memberToken, ConcernsApiTest.draft("Unpaid handovers", false))
                .json().get("id").asString();

        assertThat(api.post(g + "/concerns/" + concernId + "/grievance", memberToken, Map.of()).status())
                .as("members adopt only where the group allows").isEqualTo(403);
        Response adopted = api.post(g + "/concerns/" + concernId + "/grievance", organiserToken, Map.of());
        assertThat(adopted.status()).isEqualTo(201);
        String id = adopted.json().get("id").asString();
        String path = g + "/grievances/" + id;
        assertThat(adopted.json().get("problem").get("what").asString()).contains("Two nurses on nights");
        assertThat(api.get(g + "/concerns/" + concernId, memberToken).json().get("status").asString())
                .isEqualTo("ADOPTED");
        assertThat(api.post(g + "/concerns/" + concernId + "/grievance", organiserToken, Map.of()).status())
                .as("once only").isEqualTo(409);

        Map<String, String> problem = Map.of("what", "Handovers of 20 minutes are not paid", "who", "All nurses",
                "responsible", "Ward manager", "since", "March 2026");
        assertThat(api.put(path + "/problem", memberToken, problem).status()).isEqualTo(403);
        assertThat(api.put(path + "/problem", organiserToken, problem).json().get("problem").get("since").asString())
                .isEqualTo("March 2026");

        Map<String, Object> info = new HashMap<>(Map.of("kind", "POLICY", "text", "Agenda for Change section 2",
                "link", "https://www.nhsemployers.org/", "anonymous", true));
        JsonNode withInfo = api.post(path + "/information", memberToken, info).json();
        assertThat(withInfo.get("information")).as("anonymous information waits for the release").isEmpty();
        info.put("anonymous", false);
        info.put("kind", "EVIDENCE");
        assertThat(api.post(path + "/information", memberToken, info).json().get("information").get(0).get("addedBy")
                .asString()).isEqualTo(member.displayName());
        fixtures.release();
        JsonNode released = api.get(path, memberToken).json();
        assertThat(released.get("information").get(1).get("addedBy").isNull()).as("it takes the next place").isTrue();
        assertThat(released.get("information").get(1).get("text").asString()).isEqualTo("Agenda for Change section 2");
        info.put("link", "javascript:alert(1)");
        Response badLink = api.post(path + "/information", memberToken, info);
        assertThat(badLink.status()).isEqualTo(400);
        assertThat(badLink.body()).contains("link");
        info.put("link", "");
        info.put("kind", "GOSSIP");
        assertThat(api.post(path + "/information", memberToken, info).status()).isEqualTo(400);

        Map<String, Object> step = new HashMap<>(Map.of("what", "Collect May rotas", "ownerId", member.id().toString(),
                "dueOn", LocalDate.now().plusDays(7).toString()));
        assertThat(api.post(path + "/plan", memberToken, step).status()).isEqualTo(403);
        JsonNode planned = api.post(path + "/plan", organiserToken, step).json();
        String itemId = planned.get("plan").get(0).get("id").asString();
        assertThat(planned.get("plan").get(0).get("ownerName").asString()).isEqualTo(member.displayName());
        step.put("ownerId", fixtures.person("outsider").id().toString());
        assertThat(api.post(path + "/plan", organiserToken, step).status()).isEqualTo(400);
        step.put("ownerId", member.id().toString());
        step.put("dueOn", "next tuesday");
        assertThat(api.post(path + "/plan", organiserToken, step).status()).isEqualTo(400);
        Person other = fixtures.member(groupId, organiser);
        assertThat(api.post(path + "/plan/" + itemId, signIn(other), Map.of("done", true)).status()).isEqualTo(403);
        assertThat(api.post(path + "/plan/" + itemId, memberToken, Map.of("done", true)).json().get("plan").get(0)
                .get("done").asBoolean()).isTrue();

        assertThat(api.put(path + "/status", organiserToken, Map.of("status", "ABOLISHED")).status()).isEqualTo(400);
        JsonNode won = api.put(path + "/status", organiserToken, Map.of("status", "WON")).json();
        assertThat(won.get("status").asString()).isEqualTo("WON");
        List<String> kinds = new ArrayList<>();
        won.get("timeline").valueStream().forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactly("ADOPTED", "PROBLEM_UPDATED", "INFO_ADDED", "INFO_ADDED", "PLAN_ITEM_ADDED",
                "PLAN_ITEM_DONE", "STATUS_CHANGED");
        assertThat(won.get("timeline").get(2).get("actor").asString()).isEqualTo(member.displayName());
        assertThat(won.get("timeline").get(3).get("actor").isNull()).as("the anonymous addition has no actor").isTrue();
        assertThat(api.get(g + "/concerns/" + concernId, memberToken).json().get("status").asString())
                .isEqualTo("CLOSED");
        assertThat(api.get(path, signIn(fixtures.person("stranger"))).status()).isEqualTo(404);
        assertThat(api.get(g + "/grievances", memberToken).json().get(0).get("status").asString()).isEqualTo("WON");
    }

    @Test
    void theStagesAsPagesInChromium() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Stage ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        Api api = new Api(port);
        String concernId = api.post("/api/v1/groups/" + groupId + "/concerns", signIn(member),
                ConcernsApiTest.draft("No water on nights", false)).json().get("id").asString();
        PageChecks.Visited visited = new PageChecks.Visited();

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/concerns/" + concernId);
        page.locator("form[action$='/grievance'] button").click();
        assertThat(page.locator("main")).containsText("Start by describing the problem");
        visited.check(page, "overview");
        assertThat((String) page.evaluate("getComputedStyle(document.querySelector('nav.stages li')).listStyleType"))
                .as("the stages say \"1. Problem\", not \"2. 1. Problem\"").isEqualTo("none");
        page.locator("nav.stages a[href$='/problem']").click();
        page.locator("#responsible").fill("Facilities manager");
        page.locator("#since").fill("June");
        page.locator("form[action$='/problem'] button").click();
        assertThat(page.locator("#responsible")).hasValue("Facilities manager");
        visited.check(page, "problem");
        page.locator("nav.stages a[href$='/plan']").click();
        page.locator("#what").fill("Ask for a water cooler");
        page.locator("#ownerId").selectOption(member.id().toString());
        page.locator("#dueOn").fill(LocalDate.now().plusDays(3).toString());
        page.locator("form[action$='/plan'] button").click();
        assertThat(page.locator("table")).containsText("Ask for a water cooler");
        visited.check(page, "plan");

        Page memberPage = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        memberPage.navigate(page.url().replace("/plan", "/information"));
        memberPage.locator("#text").fill("The cooler on Ward 5 was removed in May.");
        memberPage.locator("#name-anonymous").check();
        memberPage.locator("form[action$='/information'] button").click();
        assertThat(memberPage.locator("main")).containsText("appears with the next batch");
        assertThat(memberPage.locator("main")).not().containsText("The cooler on Ward 5 was removed in May.");
        fixtures.release();
        memberPage.reload();
        assertThat(memberPage.locator("main")).containsText("Added without a name");
        visited.check(memberPage, "information");
        memberPage.navigate(page.url());
        memberPage.locator("table form button").click();
        assertThat(memberPage.locator("table")).containsText("Yes");

        page.locator("nav.stages a").first().click();
        page.locator("#status").selectOption("WON");
        page.locator("form[action$='/status'] button").click();
        assertThat(page.locator(".timeline")).containsText("Won");
        visited.check(page, "overview with timeline");
        visited.assertClean();
        page.context().close();
        memberPage.context().close();
    }

}
