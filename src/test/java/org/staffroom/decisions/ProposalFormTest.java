package org.staffroom.decisions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
import org.staffroom.support.Browser;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;

/**
 * The proposal form shows only the fields that apply to the kind chosen (at once with the script, by sending the
 * form back without it) and reports every mistake at once, on the page and in the problem document.
 */
@IntegrationTest
class ProposalFormTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void onlyTheFieldsForTheKindShowAndEveryMistakeIsReportedAtOnce() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Form ward " + UUID.randomUUID().toString().substring(0, 6));
        PageChecks.Visited visited = new PageChecks.Visited();
        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/proposals/new");
        assertThat(page.locator("#majority")).isVisible();
        assertThat(page.locator("#options")).isHidden();
        assertThat(page.locator("#points")).isHidden();
        assertThat(page.locator("#kind-refresh")).isHidden();
        // a date and time field as big as the others, easy to tap
        var closes = page.locator("#closesAt").boundingBox();
        assertThat(closes.height).isGreaterThanOrEqualTo(44);
        assertThat(closes.width).isGreaterThanOrEqualTo(page.locator("#title").boundingBox().width - 1);
        page.locator("#kind").selectOption("RANKED");
        assertThat(page.locator("#majority")).isHidden();
        assertThat(page.locator("#options")).isVisible();
        assertThat(page.locator("#points")).isHidden();
        page.locator("#kind").selectOption("DOTS");
        assertThat(page.locator("#points")).isVisible();
        visited.check(page, "dot-vote proposal form");

        // no title, one option, no points, a closing time gone: all four said at once, each by its field
        page.locator("#options").fill("Only one");
        page.locator("#points").fill("");
        page.locator("#closesAt")
                .fill(LocalDateTime.now().minusDays(1).withSecond(0).withNano(0).toString().substring(0, 16));
        page.locator("#title").fill("");
        page.locator("#title").evaluate("field => field.removeAttribute('required')");
        page.locator("form[action$='/proposals'] .actions button").click();
        assertThat(page.locator("#title-error")).isVisible();
        assertThat(page.locator("#options-error")).isVisible();
        assertThat(page.locator("#points-error")).isVisible();
        assertThat(page.locator("#closesAt-error")).containsText("in the future");
        assertThat(page.locator("#points")).isVisible();
        visited.check(page, "proposal form, four mistakes");
        page.context().close();

        // without scripts: every field is sent back for the kind chosen
        Page plain = Browser.newContextWithoutScripts().newPage();
        Pages.signIn(plain, port, organiser.email(), Fixtures.PASSWORD);
        plain.navigate(Pages.base(port) + "/groups/" + groupId + "/proposals/new");
        assertThat(plain.locator("#options")).isHidden();
        plain.locator("#title").fill("Which rota?");
        plain.locator("#kind").selectOption("CHOOSE_ONE");
        plain.locator("#kind-refresh").click();
        assertThat(plain.locator("#options")).isVisible();
        assertThat(plain.locator("#majority")).isHidden();
        assertThat(plain.locator("#title")).hasValue("Which rota?");
        plain.context().close();
        visited.assertClean();

        JsonNode problem = new Api(port).post("/api/v1/groups/" + groupId + "/proposals", organiser.token(),
                Map.of("title", "", "kind", "DOTS", "options", List.of("One"), "closesAt", "2001-01-01T10:00")).json();
        assertThat(problem.get("errors").findValuesAsString("field")).contains("title", "points", "closesAt",
                "options");
    }
}
