package org.staffroom.web;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.concerns.ConcernDraft;
import org.staffroom.concerns.ConcernRaising;
import org.staffroom.directory.JoinRequests;
import org.staffroom.groups.Invitations;
import org.staffroom.groups.Networks;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.identity.TwoFactor;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;
import org.staffroom.support.TotpCodes;

import com.microsoft.playwright.Page;

/**
 * Every page, as the people who see it, through axe-core (WCAG 2.2 AA, zero violations) and the W3C Nu
 * HTML Checker (zero errors), on a 320 px wide screen without sideways scrolling.
 */
@IntegrationTest
class AccessibilityTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Invitations invitations;

    @Autowired
    JoinRequests joinRequests;

    @Autowired
    Networks networks;

    @Autowired
    ConcernRaising raising;

    @Autowired
    TwoFactor twoFactor;

    @Autowired
    AnonymousTags tags;

    final PageChecks.Visited visited = new PageChecks.Visited();

    @Test
    void everyPagePassesAxeAndTheNuChecker() throws Exception {
        Person organiser = fixtures.person("organiser");
        Person admin = fixtures.administrator();
        UUID groupId = fixtures.group(organiser, "Accessible group " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        joinRequests.submit(groupId, "Sam Seeker", "sam@example.org", "Hello <b>there</b>\nsecond line");
        String code = invitations.create(organiser.id(), groupId, 7, 5).code();
        UUID networkId = networks.create(admin.id(), "Test network " + UUID.randomUUID(), "A network");
        networks.join(organiser.id(), groupId, networkId);
        String g = "/groups/" + groupId;

        Page visitor = Pages.visitor();
        for (String path : List.of("/", "/login", "/login?error", "/login?signedOut", "/directory",
                "/directory?q=accessible",
                "/directory?q=" + "x".repeat(150), "/directory/" + groupId, "/password-reset", "/invitations/" + code,
                "/privacy", "/no-such-page", "/password-reset/not-a-real-token", "/invitations/not-a-real-code")) {
            check(visitor, path);
        }
        visitor.navigate(Pages.base(port) + "/password-reset");
        visitor.locator("input[name=email]").fill("someone@example.org");
        visitor.locator("main form button[type=submit]").click();
        visited.check(visitor, "password-reset-sent");
        visitor.navigate(Pages.base(port) + "/directory/" + groupId);
        visitor.locator("input[name=name]").fill("   ");
        visitor.locator("input[name=contact]").fill("me@example.org");
        visitor.locator("form[action$='/join'] button[type=submit]").click();
        visited.check(visitor, "join-with-error");

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        for (String path : List.of("/", "/account", "/account/delete", "/account/two-factor", "/groups/new", g,
                g + "/settings", g + "/members",
                g + "/invitations", g + "/join-requests", g + "/audit", "/networks/" + networkId,
                "/account/notifications",
                "/account/calendar", g + "/concerns", g + "/concerns/settings", g + "/grievances", g + "/meetings",
                g + "/meetings/new", "/receipt")) {
            check(page, path);
        }
        page.navigate(Pages.base(port) + g + "/invitations");
        page.locator("form[action$='/invitations'] button[type=submit]").click();
        visited.check(page, "invitation-created");
        page.navigate(Pages.base(port) + "/groups/new");
        page.locator("input[name=name]").fill("  ");
        page.locator("select[name=sector]").selectOption("OTHER");
        page.locator("form[action$='/groups'] button[type=submit]").click();
        visited.check(page, "new-group-with-error");
        page.navigate(Pages.base(port) + "/account");
        page.locator("input[name=name]").last().fill("script token");
        page.locator("form[action$='/account/tokens'] button[type=submit]").click();
        visited.check(page, "token-created");
        page.navigate(Pages.base(port) + "/account/calendar");
        page.locator("form[action$='/account/calendar'] button[type=submit]").click();
        visited.check(page, "calendar-link-made");
        check(page, "/account");

        Page memberPage = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        check(memberPage, g);
        check(memberPage, g + "/members");
        UUID concernId = tags.actingAs(member.id(), Fixtures.PASSWORD, () -> raising.raise(member.id(), groupId,
                new ConcernDraft("Breaks cut short", "On every late shift.", "OTHER", null, false)).concernId());
        check(memberPage, g + "/concerns/" + concernId + "/edit");

        // the second step of signing in, for an account with two-step sign-in
        Person careful = fixtures.person("careful");
        TwoFactor.Setup setup = twoFactor.newSetup();
        twoFactor.enable(careful.id(), setup.secret(), TotpCodes.code(setup.secret(), 0));
        Page secondStep = Pages.visitor();
        secondStep.navigate(Pages.base(port) + "/login");
        secondStep.locator("input[name=email]").fill(careful.email());
        secondStep.locator("input[name=password]").fill(Fixtures.PASSWORD);
        secondStep.locator("form[action$='/login'] button[type=submit]").click();
        secondStep.waitForURL(url -> url.endsWith("/login/two-factor"));
        visited.check(secondStep, "two-factor");

        Page adminPage = Pages.signedIn(port, admin.email(), Fixtures.PASSWORD);
        for (String path : List.of("/admin", "/admin/outbox", "/admin/audit", "/admin/networks")) {
            check(adminPage, path);
        }

        visited.assertClean();
    }

    private void check(Page page, String path) {
        page.setViewportSize(320, 640);
        page.navigate(Pages.base(port) + path);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        if (((Number) overflow).intValue() > 0) {
            visited.violation(path + " is wider than a 320 px screen by " + overflow + " px");
        }
        visited.axeOf(page);
        visited.html(path, page.context().request().get(Pages.base(port) + path).text());
    }
}
