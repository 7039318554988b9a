package org.staffroom.concerns;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.Pages;
import org.staffroom.support.WebSession;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

/**
 * A concern is raised once, however often its form is sent: reloading the receipt page (or a phone restoring the
 * tab) shows the same receipt, and the same form sent again (a second tap, a resubmitted form) answers with the
 * first result. After the author has confirmed the receipt, going back shows it no more. In Chromium at 390 px.
 */
@IntegrationTest
class RaiseOnceTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConcernRaising raising;

    @Autowired
    org.staffroom.identity.AnonymousTags tags;

    @Test
    void reloadingOrResendingNeverRaisesASecondConcern() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Once ward " + UUID.randomUUID().toString().substring(0, 6));
        Person author = fixtures.member(groupId, organiser);
        Page page = Pages.signedIn(port, author.email(), Fixtures.PASSWORD);

        FormData sent = fill(page, groupId, "Handover rushed every night");
        page.locator("form[action$='/concerns'] button[type=submit]").click();
        String receipt = page.locator("#receipt").innerText().strip();
        assertThat(page.url()).as("the receipt page is a GET, and its address says nothing").endsWith("/receipt/new");
        page.reload();
        assertThat(page.locator("#receipt")).hasText(receipt);
        assertThat(concerns(groupId)).isEqualTo(1);

        APIResponse again = page.request().post(Pages.base(port) + "/groups/" + groupId + "/concerns",
                RequestOptions.create().setForm(sent));
        assertThat(again.url()).endsWith("/receipt/new");
        assertThat(again.text()).contains(receipt);
        assertThat(concerns(groupId)).as("the same form sent twice").isEqualTo(1);

        page.locator("#lastFour").fill(receipt.substring(receipt.length() - 4));
        page.locator("form[action$='/receipt/confirm'] button").click();
        assertThat(page.locator("h1")).hasText("Receipt saved");
        page.goBack();
        assertThat(page.locator("main")).not().containsText(receipt);
        page.reload();
        assertThat(page.locator("main")).not().containsText(receipt);

        FormData named = fill(page, groupId, "Named and sent twice");
        named.set("anonymous", "false");
        page.locator("#name-named").check();
        page.locator("form[action$='/concerns'] button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Named and sent twice");
        String concernPage = page.url();
        APIResponse namedAgain = page.request().post(Pages.base(port) + "/groups/" + groupId + "/concerns",
                RequestOptions.create().setForm(named));
        assertThat(namedAgain.url()).isEqualTo(concernPage);
        assertThat(concerns(groupId)).isEqualTo(2);
        page.context().close();
    }

    @Test
    void anOldFormSentAfterTheReleaseShowsNoReceiptAndRaisesNothing() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Late ward " + UUID.randomUUID().toString().substring(0, 6));
        Person author = fixtures.member(groupId, organiser);
        Page page = Pages.signedIn(port, author.email(), Fixtures.PASSWORD);
        FormData sent = fill(page, groupId, "Sent before the release");
        page.locator("form[action$='/concerns'] button[type=submit]").click();
        String receipt = page.locator("#receipt").innerText().strip();
        fixtures.release();

        APIResponse late = page.request().post(Pages.base(port) + "/groups/" + groupId + "/concerns",
                RequestOptions.create().setForm(sent));
        assertThat(late.text()).doesNotContain(receipt).contains("already with the group");
        assertThat(concerns(groupId)).isEqualTo(1);

        Page stranger = Pages.visitor();
        stranger.context().addCookies(page.context().cookies(Pages.base(port) + "/receipt").stream()
                .filter(cookie -> cookie.name.equals("SR_RECEIPT")).toList());
        stranger.navigate(Pages.base(port) + "/receipt/new");
        assertThat(stranger.locator("body")).not().containsText(receipt);
        assertThat(stranger.url()).as("not without signing in").contains("/login");
        page.context().close();
        stranger.context().close();
    }

    @Test
    void aRaiseFormWithoutTheChoiceRaisesItWithoutTheName() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Bare ward " + UUID.randomUUID().toString().substring(0, 6));
        Person author = fixtures.member(groupId, organiser);
        WebSession web = WebSession.signedIn(port, author.email(), Fixtures.PASSWORD);
        web.get("/groups/" + groupId + "/concerns/new");
        WebSession.Page raised = web.post("/groups/" + groupId + "/concerns", Map.of("title", "No choice sent",
                "details", "The form came without the radio buttons.", "category", "OTHER", "affected", ""));
        assertThat(raised.location()).endsWith("/receipt/new");
        assertThat(jdbc.sql("select count(*) from concerns_waiting where group_id = ?").param(groupId)
                .query(Long.class).single()).isEqualTo(1);
        // a redirect whose other parameters hold a stray '%' passes through the notice filter untouched
        web.get("/account/unlock?then=%2Fgroups%3Fx%3D%25");
        assertThat(web.post("/account/unlock", Map.of("password", Fixtures.PASSWORD, "then", "/groups?x=%")).status())
                .isEqualTo(302);
    }

    /** Opens the raise form, fills it and returns what it will send, its one-time key included. */
    private FormData fill(Page page, UUID groupId, String title) {
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/concerns/new");
        page.locator("#title").fill(title);
        page.locator("#details").fill("Ten minutes for twenty-eight patients.");
        page.locator("#category").selectOption("PATIENT_SAFETY");
        FormData form = FormData.create();
        form.set("_csrf", page.locator("form[action$='/concerns'] input[name=_csrf]").inputValue());
        form.set("submission", page.locator("input[name=submission]").inputValue());
        form.set("title", title);
        form.set("details", "Ten minutes for twenty-eight patients.");
        form.set("category", "PATIENT_SAFETY");
        form.set("affected", "");
        form.set("anonymous", "true");
        return form;
    }

    /**
     * The same form sent twice at the same moment (a double tap on a slow connection): both requests answer with
     * the one concern and the same receipt, and neither fails, on H2 and on PostgreSQL. Each round starts both
     * raises together; whichever commits second meets the first's unique receipt or submission hash.
     */
    @Test
    void twoIdenticalSubmissionsAtOnceRaiseOneConcern() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Twice ward " + UUID.randomUUID().toString().substring(0, 6));
        Person author = fixtures.member(groupId, organiser);
        // signed in once before, as anyone raising a concern has been: the first unlock makes the signing secret
        tags.actingAs(author.id(), Fixtures.PASSWORD, () -> null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                boolean anonymous = round % 2 == 0;
                String key = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        randomBytes()).substring(0, 43);
                ConcernDraft draft = new ConcernDraft("Sent twice " + round, "Details", "OTHER", "", anonymous);
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Callable<Concerns.Raised> send = () -> tags.actingAs(author.id(),
                        Fixtures.PASSWORD, () -> {
                            try {
                                together.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return raising.raise(author.id(), groupId, draft, key);
                        });
                var first = pool.submit(send);
                var second = pool.submit(send);
                Concerns.Raised a = first.get();
                Concerns.Raised b = second.get();
                assertThat(b.concernId()).as("round " + round).isEqualTo(a.concernId());
                assertThat(b.receipt()).isEqualTo(a.receipt());
                assertThat(concerns(groupId)).as("round " + round).isEqualTo(round + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private long concerns(UUID groupId) {
        return jdbc.sql("""
                select (select count(*) from concerns_concern where group_id = :g)
                    + (select count(*) from concerns_waiting where group_id = :g)""")
                .param("g", groupId).query(Long.class).single();
    }
}
