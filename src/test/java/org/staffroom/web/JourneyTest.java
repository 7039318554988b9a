package org.staffroom.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.mail.Mailer;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The foundation's main journeys, through the real pages in headless Chromium. */
@IntegrationTest
class JourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Mailer mailer;

    String base() {
        return Pages.base(port);
    }

    @Test
    void anOrganiserStartsAGroupAndAColleagueJoinsThroughAnInvitation() {
        Person organiser = fixtures.person("organiser");
        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);

        page.navigate(base() + "/groups/new");
        page.locator("input[name=name]").fill("   ");
        page.locator("select[name=sector]").selectOption("NHS_TRUST");
        page.locator("form[action$='/groups'] button[type=submit]").click();
        assertThat(page.locator("input[name=name][aria-invalid=true]")).isVisible();
        assertThat(page.locator(".error").first()).isVisible();

        String name = "Ward 9 nurses " + UUID.randomUUID().toString().substring(0, 6);
        page.locator("input[name=name]").fill(name);
        page.locator("input[name=employer]").fill("City Hospital");
        page.locator("select[name=sector]").selectOption("NHS_TRUST");
        page.locator("form[action$='/groups'] button[type=submit]").click();
        page.waitForURL(url -> url.matches(".*/groups/[0-9a-f-]{36}$"));
        assertThat(page.locator("h1")).containsText(name);
        String groupPath = page.url().substring(base().length());

        page.navigate(base() + groupPath + "/invitations");
        page.locator("form[action$='/invitations'] button[type=submit]").click();
        String link = page.locator("#invitation-link").textContent().strip();
        assertThat(link).contains("/invitations/");

        Page newcomer = Pages.visitor();
        newcomer.navigate(base() + link.substring(link.indexOf("/invitations/")));
        assertThat(newcomer.locator("main")).containsText(name);
        String address = "newcomer-" + UUID.randomUUID() + "@example.org";
        newcomer.locator("input[name=email]").fill(address);
        newcomer.locator("form[action$='/personal-link'] button[type=submit]").click();
        assertThat(newcomer.locator(".notice")).containsText("Check your e-mail");
        String body = mailer.outbox().stream().filter(m -> m.recipient().equals(address)).findFirst().orElseThrow()
                .body();
        newcomer.navigate(base() + body.substring(body.indexOf("/invitations/")).split("\\s")[0]);
        newcomer.locator("input[name=email]").fill(address);
        newcomer.locator("input[name=displayName]").fill("Nadia Newcomer");
        newcomer.locator("input[name=password]").fill("short");
        newcomer.locator("form[action$='/register'] button[type=submit]").click();
        assertThat(newcomer.locator("input[name=password][aria-invalid=true]")).isVisible();
        assertThat(newcomer.locator("main")).containsText("12");

        newcomer.locator("input[name=password]").fill("tea and toast at the nurses station");
        newcomer.locator("form[action$='/register'] button[type=submit]").click();
        newcomer.waitForURL(base() + "/");
        assertThat(newcomer.locator("main")).containsText(name);

        page.navigate(base() + groupPath + "/members");
        assertThat(page.locator("main")).containsText("Nadia Newcomer");

        newcomer.navigate(base() + groupPath + "/members");
        assertThat(newcomer.locator("main")).containsText("403");
    }

    @Test
    void aVisitorFindsAGroupAsksToJoinAndTheOrganiserApproves() {
        Person organiser = fixtures.person("organiser");
        String word = "Zephyr" + UUID.randomUUID().toString().substring(0, 6);
        UUID groupId = fixtures.group(organiser, word + " home care");
        String contact = "applicant-" + UUID.randomUUID() + "@example.org";

        Page visitor = Pages.visitor();
        visitor.navigate(base() + "/directory");
        visitor.locator("input[name=q]").fill(word.toLowerCase());
        visitor.locator("form[action$='/directory'] button[type=submit]").click();
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(word + " home care")).click();
        visitor.locator("input[name=name]").fill("Jo Applicant");
        visitor.locator("input[name=contact]").fill(contact);
        visitor.locator("textarea[name=message]").fill("I work nights at the same agency.");
        visitor.locator("form[action$='/join'] button[type=submit]").click();
        assertThat(visitor.locator("h1")).isVisible();
        assertThat(visitor.url()).endsWith("/directory/" + groupId + "/join");

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(base() + "/groups/" + groupId + "/join-requests");
        assertThat(page.locator("main")).containsText("Jo Applicant");
        assertThat(page.locator("main")).containsText("I work nights at the same agency.");
        page.locator("form[action$='/approve'] button[type=submit]").click();
        assertThat(page.locator("main")).not().containsText("Jo Applicant");

        assertThat(mailer.outbox()).anySatisfy(message -> {
            assertThat(message.recipient()).isEqualTo(contact);
            assertThat(message.body()).contains("/invitations/").doesNotContain(word);
            assertThat(message.subject()).doesNotContain(word);
        });
    }

    @Test
    void quickExitLeavesForANeutralSiteAndReplacesTheHistoryEntry() {
        Page page = Pages.visitor();
        page.navigate(base() + "/directory");
        page.navigate(base() + "/privacy");
        page.locator("#quick-exit").click();
        page.waitForURL("https://www.bbc.co.uk/**");
        page.goBack();
        assertThat(page.url()).isEqualTo(base() + "/directory");

        page.navigate(base() + "/privacy");
        page.keyboard().press("Escape");
        page.keyboard().press("Escape");
        page.waitForURL("https://www.bbc.co.uk/**");
    }

    @Test
    void signInAndSignOutThroughTheForms() {
        Person person = fixtures.person("carer");
        Page page = Pages.visitor();
        page.navigate(base() + "/login");
        page.locator("input[name=email]").fill(person.email());
        page.locator("input[name=password]").fill("not my password at all");
        page.locator("form[action$='/login'] button[type=submit]").click();
        assertThat(page.locator("main [role=alert], main .error").first()).isVisible();

        page.locator("input[name=email]").fill(person.email());
        page.locator("input[name=password]").fill(Fixtures.PASSWORD);
        page.locator("form[action$='/login'] button[type=submit]").click();
        page.waitForURL(base() + "/");
        assertThat(page.locator("nav")).containsText("Account");

        page.locator("form[action$='/logout'] button[type=submit]").click();
        page.waitForURL(url -> url.contains("/login"));
        page.navigate(base() + "/account");
        assertThat(page.url()).contains("/login");
    }
}
