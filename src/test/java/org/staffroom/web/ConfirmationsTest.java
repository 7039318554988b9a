package org.staffroom.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.groups.Groups;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Nothing that cannot be undone happens in one tap: withdrawing a concern, leaving a group, removing a member and
 * closing voting each open first what will follow and the button that does it, and a second tap on the first
 * closes it again with nothing changed. Without JavaScript (details and summary). In Chromium at 390 px.
 */
@IntegrationTest
class ConfirmationsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Groups groups;

    @Autowired
    org.staffroom.surveys.Surveys surveys;

    @Autowired
    org.staffroom.surveys.SurveyQuestions surveyQuestions;

    final PageChecks.Visited visited = new PageChecks.Visited();

    @Test
    void eachIrreversibleActionSaysWhatFollowsBeforeItHappens() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Careful ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        Person other = fixtures.member(groupId, organiser);
        UUID proposalId = fixtures.proposal(organiser, groupId, "Refuse extra shifts together");
        Api api = new Api(port);
        String concernId = api.post("/api/v1/groups/" + groupId + "/concerns", api.signIn(member),
                Map.of("title", "Lifting without a hoist", "details", "Twice a night.", "category", "HEALTH_AND_SAFETY",
                        "affected", "", "anonymous", false))
                .json().get("id").asString();
        String group = Pages.base(port) + "/groups/" + groupId;

        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        page.navigate(group + "/concerns/" + concernId);
        confirmThenDo(page, "form[action$='/withdraw']", "The group will no longer see it");
        assertThat(page.locator("main")).containsText("withdrawn");

        page.navigate(group);
        cancelOnce(page, "form[action$='/leave']", "You will no longer see its concerns");
        // checked from the top: scrolled to the confirmation, the sticky header covers whichever link is under
        // it, and axe's target-size rule measures that link by the part left showing
        page.evaluate("() => window.scrollTo(0, 0)");
        visited.check(page, "group page with the leave confirmation open");
        page.locator("form[action$='/leave'] button").click();
        page.waitForURL(Pages.base(port) + "/");
        assertThat(groups.memberships(member.id())).extracting(Groups.Membership::groupId).doesNotContain(groupId);

        Page organiserPage = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        organiserPage.navigate(group + "/members");
        String remove = "form[action$='/members/" + other.id() + "/remove']";
        confirmThenDo(organiserPage, remove, other.displayName() + " will no longer see the group");
        assertThat(organiserPage.locator("main")).not().containsText(other.displayName());

        organiserPage.navigate(group + "/proposals/" + proposalId);
        confirmThenDo(organiserPage, "form[action$='/close']", "Nobody can vote after this");
        assertThat(organiserPage.locator("main")).not().containsText("Close voting now");

        // closing a survey that too few have answered says that no figure will ever be shown
        org.staffroom.surveys.Scope scope = new org.staffroom.surveys.Scope.Group(groupId);
        UUID surveyId = surveys.create(organiser.id(), scope,
                new org.staffroom.surveys.Surveys.Draft("Rota survey", ""));
        surveyQuestions.addFromBank(organiser.id(), scope, surveyId, "stress");
        surveys.open(organiser.id(), scope, surveyId, java.time.LocalDate.now().plusDays(3).toString());
        organiserPage.navigate(group + "/surveys/" + surveyId);
        confirmThenDo(organiserPage, "form[action$='/close']",
                "Nobody has answered so far. Closed now, the survey shows no figure at all");
        assertThat(organiserPage.locator(".tag-row")).containsText("Closed");
        visited.assertClean();
        page.context().close();
        organiserPage.context().close();
    }

    /** The button that does it is hidden until the first tap, which shows what follows; then it is done. */
    private void confirmThenDo(Page page, String form, String consequence) {
        cancelOnce(page, form, consequence);
        visited.check(page, "confirmation open: " + form);
        page.locator(form + " button").click();
        page.waitForLoadState();
    }

    private static void cancelOnce(Page page, String form, String consequence) {
        // the confirmation holds the form, or sits inside it
        Locator details = page.locator(form + " details.confirm, details.confirm:has(" + form + ")");
        Locator button = page.locator(form + " button");
        assertThat(button).isHidden();
        details.locator("summary").click();
        assertThat(details).containsText(consequence);
        assertThat(button).isVisible();
        details.locator("summary").click();
        assertThat(button).isHidden(); // a second tap closes it, nothing done
        details.locator("summary").click();
        double right = button.boundingBox().x + button.boundingBox().width;
        assertThat(right).as("the button fits a phone's screen").isLessThanOrEqualTo(390);
    }
}
