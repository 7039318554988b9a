package org.staffroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.mail.Mailer;
import org.staffroom.support.ClientAddresses;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.Pages;
import org.staffroom.support.WebSession;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * In a hospital everyone shares a few addresses. One hostile person there guesses 25 wrong passwords over
 * five colleagues' accounts: the address is held back, but a colleague whose browser has signed in before
 * still signs in (OWASP's device cookies); a browser new to Staffroom is told why it must wait, and how to
 * get in meanwhile.
 */
@IntegrationTest
class WorkforceLockoutTest {

    private static final String HOSPITAL = ClientAddresses.next();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Mailer mailer;

    @Test
    void oneHostileGuesserCannotShutTheWorkforceOut() {
        Person colleague = fixtures.person("nurse");
        WebSession colleaguesPhone = WebSession.signedIn(port, HOSPITAL, colleague.email(), Fixtures.PASSWORD);
        assertThat(colleaguesPhone.cookie("staffroom_device")).as("a browser that signed in is remembered")
                .isNotBlank();
        colleaguesPhone.forget("SESSION"); // the shift is over; the session has ended

        List<Person> targets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            targets.add(fixtures.person("target"));
        }
        WebSession attacker = new WebSession(port, HOSPITAL);
        int held = 0;
        for (Person target : targets) {
            for (int i = 0; i < 5; i++) {
                if (attacker.signIn(target.email(), "guess " + i).status() == 429) {
                    held++;
                }
            }
        }
        assertThat(held).as("guesses held back once the address had 20 wrong").isEqualTo(5);

        WebSession newcomer = new WebSession(port, HOSPITAL);
        Person newColleague = fixtures.person("nurse");
        WebSession.Page refused = newcomer.signIn(newColleague.email(), Fixtures.PASSWORD);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("too many wrong passwords from this network",
                "If you have signed in on this browser before and have not signed out since", "mobile data");

        WebSession.Page back = colleaguesPhone.signIn(colleague.email(), Fixtures.PASSWORD);
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).doesNotContain("error");
        assertThat(colleaguesPhone.get("/account").status()).isEqualTo(200);
    }

    @Test
    void aMemberWhoSaidThisIsTheirOwnPhoneIsStillKnownAfterSigningOut() {
        String ward = ClientAddresses.next();
        Person careful = fixtures.person("nurse");
        WebSession ownPhone = new WebSession(port, ward);
        ownPhone.get("/login");
        assertThat(ownPhone.post("/login", Map.of("email", careful.email(), "password", Fixtures.PASSWORD,
                "ownDevice", "yes")).location()).doesNotContain("error");
        assertThat(ownPhone.get("/account").status()).isEqualTo(200); // and its new CSRF token
        WebSession.Page signedOut = ownPhone.post("/logout", Map.of());
        assertThat(signedOut.header("Clear-Site-Data")).as("cookies are expired one by one instead")
                .contains("\"cache\"", "\"storage\"").doesNotContain("cookies");
        assertThat(ownPhone.cookie("SESSION")).as("the session cookie is gone").isNull();
        assertThat(ownPhone.cookie("SR_UNLOCK")).as("so is the key to the signing secret").isNull();
        assertThat(ownPhone.cookie("staffroom_device")).isNotBlank();

        Person careless = fixtures.person("nurse");
        WebSession wardComputer = WebSession.signedIn(port, ward, careless.email(), Fixtures.PASSWORD);
        assertThat(wardComputer.post("/logout", Map.of()).header("Clear-Site-Data"))
                .as("without the box ticked, everything goes").contains("\"cookies\"");

        WebSession attacker = new WebSession(port, ward);
        for (int i = 0; i < 25; i++) {
            attacker.signIn(fixtures.person("target").email(), "guess " + i);
        }
        assertThat(new WebSession(port, ward).signIn(careless.email(), Fixtures.PASSWORD).status())
                .as("the address is held back").isEqualTo(429);
        WebSession.Page back = ownPhone.signIn(careful.email(), Fixtures.PASSWORD);
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).doesNotContain("error");
    }

    @Test
    void chromiumKeepsOnlyTheDeviceCookieOfAnOwnPhoneAtSignOut() {
        Person careful = fixtures.person("nurse");
        Page own = Pages.signedInOnOwnDevice(port, careful.email(), Fixtures.PASSWORD);
        assertThat(cookieNames(own)).contains("SESSION", "SR_UNLOCK", "staffroom_device");
        own.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        own.waitForURL(url -> url.contains("signedOut"));
        assertThat(cookieNames(own)).contains("staffroom_device").doesNotContain("SR_UNLOCK");

        Page shared = Pages.signedIn(port, fixtures.person("nurse").email(), Fixtures.PASSWORD);
        assertThat(cookieNames(shared)).contains("staffroom_device");
        shared.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        shared.waitForURL(url -> url.contains("signedOut"));
        assertThat(cookieNames(shared)).doesNotContain("staffroom_device", "SR_UNLOCK");
        own.context().close();
        shared.context().close();
    }

    private static List<String> cookieNames(Page page) {
        return page.context().cookies().stream().map(cookie -> cookie.name).toList();
    }

    @Test
    void aRememberedBrowserHasItsOwnLimitAndThenIsLikeAnyOther() {
        Person colleague = fixtures.person("nurse");
        WebSession phone = WebSession.signedIn(port, ClientAddresses.next(), colleague.email(), Fixtures.PASSWORD);
        phone.forget("SESSION");
        for (int i = 0; i < 5; i++) {
            assertThat(phone.signIn(colleague.email(), "wrong " + i).location()).endsWith("/login?error");
        }
        assertThat(jdbc.sql("select count(*) from shared_throttle where throttle = 'sign-in' and key_hash = ?")
                .param(org.staffroom.shared.SecretTokens.hash(colleague.email())).query(Long.class).single())
                .as("a remembered browser's failures count against it, not the account").isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(phone.signIn(colleague.email(), "more wrong " + i).location()).endsWith("/login?error");
        }
        WebSession.Page held = phone.signIn(colleague.email(), Fixtures.PASSWORD);
        assertThat(held.status()).as("after its own five, the account's limit for unknown browsers").isEqualTo(429);
    }

    @Test
    void whoeverResetsThePasswordSignsInThoughAStrangerKeepsTheAccountSlowed() {
        Person nurse = fixtures.person("nurse");
        WebSession stranger = new WebSession(port, ClientAddresses.next());
        for (int i = 0; i < 5; i++) {
            stranger.signIn(nurse.email(), "guess " + i);
        }
        stranger.signIn(nurse.email(), "one more guess"); // the one try the slowed account allows now

        WebSession laptop = new WebSession(port, ClientAddresses.next());
        assertThat(laptop.signIn(nurse.email(), Fixtures.PASSWORD).status()).as("slowed").isEqualTo(429);
        laptop.get("/password-reset");
        laptop.post("/password-reset", Map.of("email", nurse.email()));
        Mailer.OutboxMessage message = mailer.outbox().stream().filter(m -> m.recipient().equals(nurse.email()))
                .findFirst().orElseThrow();
        String path = message.body().substring(message.body().indexOf("/password-reset/")).split("\\s")[0];
        laptop.get(path);
        assertThat(laptop.post(path, Map.of("newPassword", "a new passphrase of mine")).status()).isEqualTo(302);

        WebSession.Page in = laptop.signIn(nurse.email(), "a new passphrase of mine");
        assertThat(in.status()).as("the browser that opened the e-mailed link is remembered").isEqualTo(302);
        assertThat(in.location()).doesNotContain("error");
    }

    @Test
    void aDeviceCookieOfAnotherAccountCountsForNothing() {
        Person owner = fixtures.person("nurse");
        Person other = fixtures.person("nurse");
        WebSession phone = WebSession.signedIn(port, ClientAddresses.next(), owner.email(), Fixtures.PASSWORD);
        phone.forget("SESSION");
        for (int i = 0; i < 5; i++) {
            phone.signIn(other.email(), "wrong " + i);
        }
        assertThat(phone.signIn(other.email(), Fixtures.PASSWORD).status())
                .as("the owner's cookie does not lift the other account's limit").isEqualTo(429);
    }
}
