package org.staffroom.surveys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;

/** A network survey opened to people outside Staffroom through a link, with one-time codes. */
@IntegrationTest
class PublicLinkTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void peopleOutsideStaffroomAnswerThroughTheLinkEachCodeOnce() throws Exception {
        Api api = new Api(port);
        Person coordinator = fixtures.person("coordinator");
        UUID networkId = fixtures.network(coordinator, "Link network");
        String net = "/api/v1/networks/" + networkId + "/surveys";
        String survey = net + "/" + api.post(net, coordinator.token(), Map.of("title", "Agency work in Bristol")).json()
                .get("id").asString();
        String question = api.post(survey + "/questions", coordinator.token(), Map.of("code", "stress")).json()
                .get("questions").get(0).get("id").asString();
        assertThat(api.post(survey + "/link", fixtures.person("someone").token(), Map.of("codes", 1)).status())
                .as("coordinators only").isEqualTo(404);
        assertThat(api.post(survey + "/link", coordinator.token(), Map.of("codes", 2001)).status()).isEqualTo(400);
        JsonNode link = api.post(survey + "/link", coordinator.token(), Map.of("codesRequired", true, "codes", 3))
                .json();
        assertThat(link.get("codes").size()).isEqualTo(3);
        String token = link.get("url").asString().substring(link.get("url").asString().lastIndexOf('/') + 1);
        api.post(survey + "/open", coordinator.token(), Map.of("closesOn", LocalDate.now().plusDays(5).toString()));
        UUID surveyId = UUID.fromString(survey.substring(survey.lastIndexOf('/') + 1));

        String publicPath = "/api/v1/public-surveys/" + token;
        assertThat(api.get(publicPath, null).json().get("questions").size()).as("no account needed").isEqualTo(1);
        Map<String, Object> answers = Map.of(question, Map.of("choices", List.of(3)));
        Api.Response noCode = api.post(publicPath + "/responses", null, Map.of("answers", answers));
        assertThat(noCode.json().get("errors")).as(noCode.status() + " " + noCode.body()).isNotNull();
        assertThat(noCode.json().get("errors").get(0)
                .get("field").asString()).as("a code is needed").isEqualTo("code");
        assertThat(api.post(publicPath + "/responses", null, Map.of("code", "not-a-code", "answers", answers)).status())
                .isEqualTo(400);
        String code = link.get("codes").get(0).asString();
        assertThat(api.post(publicPath + "/responses", null, Map.of("code", code, "answers", answers)).status())
                .isEqualTo(201);
        assertThat(api.post(publicPath + "/responses", null, Map.of("code", code, "answers", answers)).status())
                .as("each code answers once").isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from surveys_code where survey_id = ?").param(surveyId).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(
                jdbc.sql("select group_id from surveys_response where survey_id = ?").param(surveyId).query(UUID.class)
                        .single())
                .as("answered outside any group").isEqualTo(new UUID(0, 0));

        PageChecks.Visited visited = new PageChecks.Visited();
        Page page = Pages.visitor();
        page.navigate(Pages.base(port) + "/s/" + token);
        visited.check(page, "survey through the link");
        page.locator("#code").fill("wrong");
        page.locator("#q0-1").check();
        page.locator("form[action^='/s/'] button").click();
        assertThat(page.locator("#code-error")).isVisible();
        assertThat(page.locator("#q0-1")).isChecked();
        visited.check(page, "a wrong code");
        page.locator("#code").fill(link.get("codes").get(1).asString());
        page.locator("form[action^='/s/'] button").click();
        assertThat(page.locator("main")).containsText("your answers are in");
        assertThat(page.locator("form[action^='/s/']")).hasCount(0);
        page.context().close();

        Page coordinatorPage = Pages.signedIn(port, coordinator.email(), Fixtures.PASSWORD);
        coordinatorPage.navigate(Pages.base(port) + survey.replace("/api/v1", ""));
        assertThat(coordinatorPage.locator("main"))
                .containsText("each answer through it needs one of the one-time codes");
        coordinatorPage.locator("#codes").fill("2");
        coordinatorPage.locator("form[action$='/link'] button").click();
        assertThat(coordinatorPage.locator(".codes li")).hasCount(2);
        assertThat(coordinatorPage.locator("main")).containsText("/s/");
        visited.check(coordinatorPage, "a new link with codes");
        assertThat(api.get(publicPath, null).status()).as("a new link stops the old one").isEqualTo(404);
        coordinatorPage.context().close();
        visited.assertClean();

        assertThat(api.delete(survey + "/link", coordinator.token()).status()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from surveys_code where survey_id = ?").param(surveyId).query(Long.class)
                .single()).as("unused codes go").isZero();
    }
}
