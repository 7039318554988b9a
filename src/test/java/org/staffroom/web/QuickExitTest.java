package org.staffroom.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.Pages;
import org.staffroom.support.WebSession;

import com.microsoft.playwright.Page;

/**
 * Whoever picks up the phone after the quick exit, or reads its history, finds nothing: Back shows no signed-in
 * page, the session is over and the site's cookies are gone; Esc twice while typing keeps the text; and no address
 * in the history says what its owner did. In Chromium at 390 px.
 */
@IntegrationTest
class QuickExitTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    InstanceSettings settings;

    @Test
    void afterTheQuickExitBackShowsNothingAndNobodyIsSignedIn() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Exit ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        Api api = new Api(port);
        String concernId = api.post("/api/v1/groups/" + groupId + "/concerns", api.signIn(organiser),
                Map.of("title", "Bullying on the night shift", "details", "The same manager, every week.",
                        "category", "BULLYING_AND_HARASSMENT", "affected", "Ward 2", "anonymous", false))
                .json().get("id").asString();
        String group = Pages.base(port) + "/groups/" + groupId;

        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        page.navigate(group);
        page.navigate(group + "/concerns/" + concernId);
        assertThat(page.locator("h1")).hasText("Bullying on the night shift");

        // Esc twice while typing belongs to the field: nothing leaves, nothing is lost
        page.locator("#comment-text").fill("It happened to me on Tuesday");
        page.locator("#comment-text").press("Escape");
        page.locator("#comment-text").press("Escape");
        page.waitForTimeout(300); // what is asserted is that nothing happens; give a navigation time to start
        assertThat(page).hasURL(group + "/concerns/" + concernId);
        assertThat(page.locator("#comment-text")).hasValue("It happened to me on Tuesday");

        page.locator("#quick-exit").click();
        page.waitForURL("https://www.bbc.co.uk/**");
        assertThat(page.context().cookies(Pages.base(port))).as("the site's cookies are gone").isEmpty();
        page.goBack();
        page.waitForLoadState();
        assertThat(page.locator("body")).not().containsText("Bullying on the night shift");
        assertThat(page.locator("body")).not().containsText("It happened to me on Tuesday");
        page.navigate(Pages.base(port) + "/account");
        assertThat(page.url()).as("the session has ended").contains("/login");
        page.context().close();
    }

    @Test
    void withoutJavaScriptTheLinkSignsOutClearsTheSiteAndLeaves() {
        Person member = fixtures.person("carer");
        WebSession phone = WebSession.signedIn(port, member.email(), Fixtures.PASSWORD);
        assertThat(phone.get("/account").status()).isEqualTo(200);
        WebSession.Page crossSite = phone.get("/leave", Map.of("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.status()).isEqualTo(303);
        assertThat(crossSite.header("Clear-Site-Data")).as("another site's link signs nobody out").isNull();
        assertThat(phone.get("/account").status()).isEqualTo(200);
        WebSession.Page left = phone.get("/leave", Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(left.status()).isEqualTo(303);
        assertThat(left.location()).isEqualTo(settings.quickExitUrl());
        assertThat(left.header("Clear-Site-Data")).contains("\"cache\"", "\"cookies\"", "\"storage\"");
        assertThat(phone.get("/account").status()).as("the session has ended").isEqualTo(302);
    }

    @Test
    void noAddressInTheHistorySaysWhichAnonymousConcernWasMine() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Tell ward " + UUID.randomUUID().toString().substring(0, 6));
        Person author = fixtures.member(groupId, organiser);
        Page page = Pages.signedIn(port, author.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/concerns/new");
        page.locator("#title").fill("Unpaid handover time");
        page.locator("#details").fill("Twenty minutes a day, never paid.");
        page.locator("#category").selectOption("PAY_HOURS_AND_CONTRACTS");
        page.locator("form[action$='/concerns'] button[type=submit]").click();
        assertThat(page.locator("#receipt")).isVisible();
        fixtures.release();

        page.navigate(Pages.base(port) + "/groups/" + groupId + "/concerns");
        page.locator("text=Unpaid handover time").click();
        String concernPage = page.url();
        page.locator("form[action$='/cosign'] button").click();
        assertThat(page.locator("[role=alert]")).containsText("cannot co-sign it as well");
        assertThat(page.url()).as("the address says nothing of it").isEqualTo(concernPage);
        page.reload();
        assertThat(page.locator("main")).not().containsText("cannot co-sign it as well");
        page.context().close();
    }
}
