package org.staffroom.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Everywhere a member speaks (raising a concern, co-signing, commenting, supporting a demand, adding information
 * to a grievance), the choice of how they appear comes first, is "without my name" unless they change it, shows
 * plainly which is chosen on a phone, and says before sending how each choice will be shown. A worker who has
 * just co-signed anonymously and then types "me too" must not find their name under it.
 */
@IntegrationTest
class AnonymousFirstTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    final PageChecks.Visited visited = new PageChecks.Visited();

    @Test
    void everyPlaceAMemberSpeaksStartsWithoutTheirName() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "First ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        String group = Pages.base(port) + "/groups/" + groupId;
        Api api = new Api(port);
        String concernId = api.post("/api/v1/groups/" + groupId + "/concerns", api.signIn(organiser),
                java.util.Map.of("title", "No breaks on lates", "details", "Nobody gets a break after 6pm.",
                        "category", "STAFFING_AND_WORKLOAD", "affected", "Ward 3", "anonymous", false))
                .json().get("id").asString();
        UUID demandId = fixtures.demand(organiser, groupId, "Cover for breaks on lates");

        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        page.navigate(group + "/concerns");
        page.locator("main a.button").click();
        Locator raise = page.locator("form[action$='/concerns'] fieldset.speak-as");
        anonymousFirstAndChosen(raise, member);
        assertThat((Boolean) page.evaluate("""
                () => !!(document.querySelector('fieldset.speak-as').compareDocumentPosition(
                    document.getElementById('title')) & Node.DOCUMENT_POSITION_FOLLOWING)"""))
                .as("the choice comes before the details").isTrue();
        visited.check(page, "raise form");

        page.navigate(group + "/concerns/" + concernId);
        anonymousFirstAndChosen(page.locator("form[action$='/cosign'] fieldset.speak-as"), member);
        anonymousFirstAndChosen(page.locator("form[action$='/comments'] fieldset.speak-as"), member);
        visited.check(page, "concern with co-sign and comment forms");
        // co-sign and then say "me too" without touching either choice
        page.locator("form[action$='/cosign'] button").click();
        assertThat(page.locator("main")).containsText("You have co-signed this concern");
        page.locator("#comment-text").fill("Me too, every late this month.");
        page.locator("form[action$='/comments'] button").click();
        fixtures.release();
        page.reload();
        assertThat(page.locator(".comments")).containsText("Me too, every late this month.");
        assertThat(page.locator(".comments")).containsText("Without a name");
        assertThat(page.locator("ol.comments")).not().containsText(member.displayName());
        assertThat(page.locator("main")).not().containsText("With their names");

        page.navigate(group + "/demands/" + demandId);
        anonymousFirstAndChosen(page.locator("form[action$='/support'] fieldset.speak-as"), member);
        visited.check(page, "demand with the support form");

        Page organiserPage = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        organiserPage.navigate(group + "/concerns/" + concernId);
        organiserPage.locator("form[action$='/grievance'] button").click();
        organiserPage.locator("nav.stages a[href$='/information']").click();
        page.navigate(organiserPage.url());
        anonymousFirstAndChosen(page.locator("form[action$='/information'] fieldset.speak-as"), member);
        visited.check(page, "grievance information form");
        visited.assertClean();
        page.context().close();
        organiserPage.context().close();
    }

    @Test
    void aSmallGroupIsWarnedThatAnonymityIsThin() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID small = fixtures.group(organiser, "Small team " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(small, organiser);
        UUID large = fixtures.group(organiser, "Large ward " + UUID.randomUUID().toString().substring(0, 6));
        Fixtures.Person inLarge = fixtures.member(large, organiser);
        for (int i = 0; i < 8; i++) {
            fixtures.member(large, organiser);
        }
        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + small + "/concerns/new");
        assertThat(page.locator("main .notice-warning")).containsText("This group has only 2 members");
        visited.check(page, "raise form in a small group");
        Page other = Pages.signedIn(port, inLarge.email(), Fixtures.PASSWORD);
        other.navigate(Pages.base(port) + "/groups/" + large + "/concerns/new");
        assertThat(other.locator("main h1")).hasText("Raise a concern");
        assertThat(other.locator("main .notice-warning")).hasCount(0); // 10 members
        visited.assertClean();
        page.context().close();
        other.context().close();
    }

    /** The first option is "without my name" and ticked, it stands out from the other, and both say how they show. */
    private static void anonymousFirstAndChosen(Locator choice, Person member) {
        Locator options = choice.locator(".choice");
        assertThat(options).hasCount(2);
        Locator anonymous = options.nth(0);
        Locator named = options.nth(1);
        assertThat(anonymous.locator("label")).hasText("Without my name");
        assertThat(anonymous.locator("input[type=radio]")).isChecked();
        assertThat(named.locator("input[type=radio]")).not().isChecked();
        assertThat(anonymous.locator(".hint")).not().containsText(member.displayName());
        assertThat(named.locator(".hint")).containsText(member.displayName());
        assertThat(border(anonymous)).as("the chosen option is outlined").isNotEqualTo(border(named));
        assertThat(named.locator("input[type=radio]").boundingBox().width).as("a radio large enough to see")
                .isGreaterThanOrEqualTo(24);
    }

    private static String border(Locator option) {
        return (String) option.evaluate("element => getComputedStyle(element).borderTopColor");
    }
}
