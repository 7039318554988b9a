package org.staffroom.surveys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;

/** Building a survey from the bank and the group's own questions, and its life from draft to published. */
@IntegrationTest
class SurveysTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    static Map<String, Object> own(String kind, String text, Object... extra) {
        Map<String, Object> question = new HashMap<>(Map.of("kind", kind, "text", text));
        for (int i = 0; i < extra.length; i += 2) {
            question.put((String) extra[i], extra[i + 1]);
        }
        return question;
    }

    @Test
    void organisersBuildADraftFromTheBankAndTheirOwnQuestionsThenOpenCloseAndPublishIt() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Survey ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        String base = "/api/v1/groups/" + groupId + "/surveys";
        assertThat(api.get("/api/v1/surveys/bank", member.token()).json().valueStream()
                .map(q -> q.get("code").asString()))
                .contains("profession", "contract", "unpaid_hours", "bullied_by_managers");

        assertThat(api.post(base, member.token(), Map.of("title", "Pay")).status()).as("organisers start surveys")
                .isEqualTo(403);
        assertThat(api.post(base, organiser.token(), Map.of("title", " ")).status()).isEqualTo(400);
        String survey = base + "/" + api.post(base, organiser.token(), Map.of("title", "Workload and pay 2027",
                "intro", "For the meeting with management in March.")).json().get("id").asString();
        assertThat(api.get(survey, member.token()).status()).as("a draft is the organisers' alone").isEqualTo(404);
        assertThat(api.get(base, member.token()).json().size()).isZero();

        api.post(survey + "/questions", organiser.token(), Map.of("code", "profession"));
        assertThat(api.post(survey + "/questions", organiser.token(), Map.of("code", "profession")).status())
                .as("once").isEqualTo(409);
        assertThat(api.post(survey + "/questions", organiser.token(), Map.of("code", "shoe_size")).status())
                .isEqualTo(400);
        api.post(survey + "/questions", organiser.token(), Map.of("code", "bullied_by_managers"));
        assertThat(api.post(survey + "/questions", organiser.token(), own("SINGLE", "Which ward?", "options",
                List.of("Ward 7"))).json().get("errors").get(0).get("field").asString()).isEqualTo("options");
        assertThat(api.post(survey + "/questions", organiser.token(), own("NUMBER", "Hours?", "min", 10, "max", 5))
                .status()).isEqualTo(400);
        assertThat(api.post(survey + "/questions", organiser.token(), own("TEXT", "Anything else?", "breakdown", true))
                .status()).as("only choose-one questions break results down").isEqualTo(400);
        assertThat(
                api.post(survey + "/questions", organiser.token(),
                        own("SINGLE", "Which ward do you work on?", "options",
                                List.of("Ward 7", "Ward 8", "Ward 7")))
                        .status())
                .as("the same answer twice").isEqualTo(400);
        JsonNode built = api.post(survey + "/questions", organiser.token(), own("SINGLE", "Which ward do you work on?",
                "options", List.of("Ward 7", "Ward 8"), "breakdown", true, "section", "Where you work")).json();
        assertThat(built.get("questions").valueStream().map(q -> q.get("text").asString())).hasSize(3);
        JsonNode bullying = built.get("questions").get(1);
        assertThat(bullying.get("code").asString()).isEqualTo("bullied_by_managers");
        assertThat(bullying.get("sensitive").asBoolean()).isTrue();
        String textQuestion = api.post(survey + "/questions", organiser.token(), own("TEXT", "Anything else?")).json()
                .get("questions").get(3).get("id").asString();
        assertThat(api.delete(survey + "/questions/" + textQuestion, member.token()).status()).isEqualTo(403);
        assertThat(api.delete(survey + "/questions/" + textQuestion, organiser.token()).status()).isEqualTo(204);

        assertThat(
                api.post(survey + "/open", organiser.token(), Map.of("closesOn", LocalDate.now().toString())).status())
                .as("a closing date after today").isEqualTo(400);
        assertThat(api.post(survey + "/publish", organiser.token(), Map.of()).status()).isEqualTo(409);
        JsonNode open = api.post(survey + "/open", organiser.token(), Map.of("closesOn",
                LocalDate.now().plusDays(14).toString())).json();
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(api.post(survey + "/questions", organiser.token(), Map.of("code", "contract")).status())
                .as("questions are fixed once open").isEqualTo(409);
        assertThat(api.get(survey, member.token()).json().get("questions").size()).isEqualTo(3);
        assertThat(api.post(survey + "/close", member.token(), Map.of()).status()).isEqualTo(403);
        assertThat(api.post(survey + "/close", organiser.token(), Map.of()).json().get("status").asString())
                .isEqualTo("CLOSED");
        assertThat(api.post(survey + "/publish", organiser.token(), Map.of()).json().get("status").asString())
                .isEqualTo("PUBLISHED");

        JsonNode copy = api.post(survey + "/copy", organiser.token(), Map.of()).json();
        assertThat(copy.get("status").asString()).isEqualTo("DRAFT");
        assertThat(copy.get("questions").valueStream().map(q -> q.get("text").asString()))
                .containsExactlyElementsOf(
                        open.get("questions").valueStream().map(q -> q.get("text").asString()).toList());
        assertThat(api.get(survey, fixtures.person("stranger").token()).status()).isEqualTo(404);
    }

    @Test
    void anOrganiserBuildsAndOpensASurveyOnThePages() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Survey pages " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        PageChecks.Visited visited = new PageChecks.Visited();
        String surveys = Pages.base(port) + "/groups/" + groupId + "/surveys";

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + groupId);
        page.locator("a[href$='/surveys']").click();
        visited.check(page, "surveys");
        page.locator("main a.button").click();
        visited.check(page, "new survey");
        page.locator("#title").fill("Staffing survey");
        page.locator("form[action$='/surveys'] button").click();
        assertThat(page.locator("h1")).hasText("Staffing survey");
        page.locator("#code").selectOption("stress");
        page.locator("form[action$='/questions/bank'] button").click();
        assertThat(page.locator("main")).containsText("How often do you feel stressed at work?");
        page.locator("#text").fill("Which shift do you mostly work?");
        page.locator("#options").fill("Days");
        page.locator("#breakdown").check();
        page.locator("form[action$='/questions'] button").click();
        assertThat(page.locator("#options-error")).isVisible();
        visited.check(page, "builder with an error");
        page.locator("#options").fill("Days\nNights\nBoth");
        page.locator("form[action$='/questions'] button").click();
        assertThat(page.locator(".questions > li")).hasCount(2);
        page.locator("#closesOn").fill(LocalDate.now().minusDays(1).toString());
        page.locator("form[action$='/open'] button").click();
        assertThat(page.locator("#closesOn-error")).isVisible();
        visited.check(page, "builder");
        page.locator("#closesOn").fill(LocalDate.now().plusDays(7).toString());
        page.locator("form[action$='/open'] button").click();
        assertThat(page.locator(".tag-row")).containsText("Open");

        Page memberPage = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        memberPage.navigate(surveys);
        memberPage.locator("text=Staffing survey").click();
        // each question once: in the form the member answers
        assertThat(memberPage.locator("form[action$='/responses']")).containsText("Which shift do you mostly work?");
        assertThat(memberPage.locator("main").getByText("Which shift do you mostly work?")).hasCount(1);
        assertThat(memberPage.locator("#open-heading")).hasCount(0);
        visited.check(memberPage, "survey as a member");
        visited.assertClean();
        page.context().close();
        memberPage.context().close();
    }
}
