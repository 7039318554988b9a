package org.staffroom.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;

/**
 * Someone who asks to join by phone is not lost when an organiser approves them: the link is shown beside the
 * name and number it is for, and the request (with the number) stays until the organiser says the link is sent.
 * A contact that is neither an address nor a number is refused next to the field. In Chromium at 390 px.
 */
@IntegrationTest
class JoinRequestContactTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    final PageChecks.Visited visited = new PageChecks.Visited();

    @Test
    void anApprovedRequestByPhoneKeepsItsNumberUntilTheLinkIsSent() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Phone team " + UUID.randomUUID().toString().substring(0, 6));

        Page visitor = Pages.visitor();
        visitor.navigate(Pages.base(port) + "/directory/" + groupId);
        visitor.locator("input[name=name]").fill("Sam Night");
        visitor.locator("input[name=contact]").fill("on the ward");
        visitor.locator("form[action$='/join'] button[type=submit]").click();
        assertThat(visitor.locator("#join-contact-error")).containsText("e-mail address or a phone number");
        assertThat(visitor.locator("input[name=name]")).hasValue("Sam Night");
        visited.check(visitor, "join form with a contact that is no contact");
        visitor.locator("input[name=contact]").fill("07700 900123");
        visitor.locator("form[action$='/join'] button[type=submit]").click();
        assertThat(visitor).hasURL(Pages.base(port) + "/directory/" + groupId + "/join");

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/join-requests");
        page.locator("form[action$='/approve'] button").click();
        assertThat(page.locator("main")).containsText("Send this link to Sam Night, at 07700 900123");
        String link = page.locator("#approval-link").innerText();
        assertThat(link).contains("/invitations/");
        page.reload();
        assertThat(page.locator("main")).not().containsText(link);
        assertThat(page.locator("main")).containsText("07700 900123");
        visited.check(page, "join requests with one approved by phone");

        page.locator("form[action$='/approve'] button").click(); // the link was lost: a new one
        String second = page.locator("#approval-link").innerText();
        assertThat(second).isNotEqualTo(link);
        Page first = Pages.visitor();
        first.navigate(Pages.base(port) + link.substring(link.indexOf("/invitations/")));
        assertThat(first.locator("main")).not().containsText("Phone team");

        page.locator("form[action$='/sent'] button").click();
        assertThat(page.locator("main")).not().containsText("07700 900123");
        assertThat(jdbc.sql("select count(*) from directory_join_request where group_id = ?").param(groupId)
                .query(Long.class).single()).isZero();
        visited.assertClean();
        visitor.context().close();
        page.context().close();
        first.context().close();
    }
}
