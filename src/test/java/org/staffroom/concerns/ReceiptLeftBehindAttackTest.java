package org.staffroom.concerns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Attacks found by the adversarial review of the one-time raise key and the receipt cookie: a receipt left in the
 * browser after the author signs out, and a form key seen by someone else. In Chromium at 390 px.
 */
@IntegrationTest
class ReceiptLeftBehindAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ConcernRaising raising;

    @Autowired
    AnonymousTags tags;

    /**
     * An author on their own phone ("This is my own phone" ticked) raises anonymously, sees the receipt, does not
     * type its last four back, and signs out. The cookie may stay in the browser (sign-out on an own device keeps
     * the site's data), but it is sealed under a key their session held, so whoever signs in next on that
     * browser, with any account, is shown no receipt, and the cookie holds none in the clear.
     */
    @Test
    void theNextPersonToSignInOnAnOwnPhoneIsNotShownTheAuthorsReceipt() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Left ward " + UUID.randomUUID().toString().substring(0, 6));
        Person author = fixtures.member(groupId, organiser);
        Person other = fixtures.person("partner");

        Page phone = Pages.signedInOnOwnDevice(port, author.email(), Fixtures.PASSWORD);

        phone.navigate(Pages.base(port) + "/groups/" + groupId + "/concerns/new");
        phone.locator("#title").fill("The ward manager shouts at staff");
        phone.locator("#details").fill("Every handover.");
        phone.locator("#category").selectOption("PATIENT_SAFETY");
        phone.locator("form[action$='/concerns'] button[type=submit]").click();
        String receipt = phone.locator("#receipt").innerText().strip();

        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        phone.waitForURL(url -> url.contains("signedOut"));
        assertThat(phone.context().cookies().stream().map(c -> c.value).toList())
                .as("no cookie holds the receipt in the clear")
                .noneMatch(value -> value.contains(receipt) || value.contains(receipt.replace("-", "")));

        Pages.signIn(phone, port, other.email(), Fixtures.PASSWORD);
        phone.navigate(Pages.base(port) + "/receipt/new");
        assertThat(phone.locator("body").innerText())
                .as("another account on the same phone is not shown the anonymous author's receipt")
                .doesNotContain(receipt);
        Pages.signIn(phone, port, author.email(), Fixtures.PASSWORD);
        phone.navigate(Pages.base(port) + "/receipt/new");
        assertThat(phone.locator("body").innerText()).as("nor the author, once that sign-in has ended")
                .doesNotContain(receipt);
        phone.context().close();
    }

    /**
     * Whoever saw the hidden form key (the raise form left open on a ward computer) learns nothing of the receipt,
     * which comes from the author's own tag for the key; and a hostile member who sends the key first raises a
     * concern of their own: the author's sending still raises the author's concern, with the author's receipt.
     */
    @Test
    void aHostileMemberWhoSawTheFormKeyNeitherForeseesTheReceiptNorTakesTheSending() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Key ward " + UUID.randomUUID().toString().substring(0, 6));
        Person author = fixtures.member(groupId, organiser);
        Person hostile = fixtures.member(groupId, organiser);
        String key = org.staffroom.shared.SecretTokens.newToken(32);
        String foreseen = Receipt.derivedFrom(key).display();

        Concerns.Raised decoy = tags.actingAs(hostile.id(), Fixtures.PASSWORD, () -> raising.raise(hostile.id(),
                groupId, new ConcernDraft("Decoy", "Nothing wrong here", "OTHER", "", true), key));
        Concerns.Raised authors = tags.actingAs(author.id(), Fixtures.PASSWORD, () -> raising.raise(author.id(),
                groupId, new ConcernDraft("Manager falsifies rotas", "Real concern", "OTHER", "", true), key));

        assertThat(decoy.receipt()).as("the receipt is not known from the form key alone").isNotEqualTo(foreseen);
        assertThat(authors.receipt()).isNotEqualTo(foreseen).isNotEqualTo(decoy.receipt());
        assertThat(authors.concernId()).as("the author's sending raises the author's concern")
                .isNotEqualTo(decoy.concernId());
        assertThat(authors.view().title()).isEqualTo("Manager falsifies rotas");
        Concerns.Raised again = tags.actingAs(author.id(), Fixtures.PASSWORD, () -> raising.raise(author.id(),
                groupId, new ConcernDraft("Manager falsifies rotas", "Real concern", "OTHER", "", true), key));
        assertThat(again.concernId()).as("and the author's form sent again still finds it")
                .isEqualTo(authors.concernId());
    }
}
