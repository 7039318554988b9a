package org.staffroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.mail.Mailer;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

/**
 * Every way in that a member did not just type their password for — the apps' 12-hour sign-ins, personal
 * access keys, other browsers — ends when they change or reset their password or sign out everywhere: a key
 * someone took would otherwise keep acting as them, with their signing secret (co-signing, voting, answering
 * surveys). Each key is listed on the account page, where it can be stopped.
 */
@IntegrationTest
class TokensEndTest {

    private static final Pattern KEY = Pattern.compile("sr_[A-Za-z0-9_-]{20,}");
    private static final Pattern FEED = Pattern.compile("/calendar/[A-Za-z0-9_-]{20,}\\.ics");
    private static final String NEW_PASSWORD = "a brand new passphrase for me";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Mailer mailer;

    /** A member with an app signed in, a personal key and a second browser, and what each still reaches. */
    private record WaysIn(Person person, WebSession browser, WebSession otherBrowser, String appToken,
            String personalKey,
            String calendar) {

        void assertAllEnded(Api api, WebSession visitor) {
            assertThat(visitor.get(calendar).status()).as("the calendar link").isEqualTo(404);
            assertThat(api.get("/api/v1/me", appToken).status()).as("the app's 12-hour sign-in").isEqualTo(401);
            assertThat(api.get("/api/v1/me", personalKey).status()).as("the personal key").isEqualTo(401);
            assertThat(otherBrowser.get("/account").status()).as("the other browser").isEqualTo(302);
        }
    }

    private WaysIn waysIn(Api api) {
        Person person = fixtures.person("nurse");
        String appToken = api.signIn(person);
        WebSession browser = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        WebSession otherBrowser = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        browser.get("/account");
        WebSession.Page made = browser.post("/account/tokens", Map.of("name", "Rota app"));
        Matcher key = KEY.matcher(made.body());
        assertThat(key.find()).as("the new key is shown once").isTrue();
        String personalKey = key.group();
        Matcher feed = FEED.matcher(browser.post("/account/calendar", Map.of()).body());
        assertThat(feed.find()).as("the calendar link is shown once").isTrue();
        String calendar = feed.group();
        assertThat(new WebSession(port).get(calendar).status()).isEqualTo(200);

        String account = browser.get("/account").body();
        assertThat(account).as("the app's sign-in is listed with the personal key")
                .contains("An app you signed in to (for 12 hours)", "Rota app", "Your calendar link",
                        "/account/calendar/revoke");
        assertThat(account.split("/account/tokens/[0-9a-f-]{36}/revoke", -1))
                .as("a stop button for each, and for the key the fixture made").hasSize(4);
        for (String token : List.of(appToken, personalKey)) {
            assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        }
        return new WaysIn(person, browser, otherBrowser, appToken, personalKey, calendar);
    }

    private void everythingEndsWhen(Consumer<WaysIn> act) {
        Api api = new Api(port);
        WaysIn ways = waysIn(api);
        act.accept(ways);
        ways.assertAllEnded(api, new WebSession(port));
    }

    @Test
    void changingThePasswordEndsEveryKeyAndOtherSession() {
        everythingEndsWhen(ways -> {
            WebSession.Page changed = ways.browser().post("/account/password",
                    Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD));
            assertThat(changed.status()).isEqualTo(302);
            assertThat(ways.browser().get("/account").body()).as("only this browser stays")
                    .doesNotContain("An app you signed in to", "Rota app");
        });
    }

    @Test
    void resettingThePasswordEndsEveryKeyAndSession() {
        everythingEndsWhen(ways -> {
            WebSession visitor = new WebSession(port);
            visitor.get("/password-reset");
            visitor.post("/password-reset", Map.of("email", ways.person().email()));
            String body = mailer.outbox().stream().filter(m -> m.recipient().equals(ways.person().email()))
                    .reduce((first, second) -> second).orElseThrow().body();
            String path = body.substring(body.indexOf("/password-reset/")).split("\\s")[0];
            visitor.get(path);
            assertThat(visitor.post(path, Map.of("newPassword", NEW_PASSWORD)).status()).isEqualTo(302);
        });
    }

    @Test
    void signingOutEverywhereEndsEveryKeyAndSession() {
        everythingEndsWhen(ways -> {
            assertThat(ways.browser().post("/account/sessions/revoke-all", Map.of()).status()).isEqualTo(302);
            assertThat(ways.browser().get("/account").status()).isEqualTo(302);
        });
    }

    @Test
    void oneKeyCanBeStoppedFromTheAccountPage() {
        Api api = new Api(port);
        WaysIn ways = waysIn(api);
        String account = ways.browser().get("/account").body();
        Matcher stop = Pattern.compile("/account/tokens/([0-9a-f-]{36})/revoke").matcher(account);
        while (stop.find()) {
            ways.browser().post(stop.group(), Map.of());
        }
        assertThat(api.get("/api/v1/me", ways.appToken()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", ways.personalKey()).status()).isEqualTo(401);
        assertThat(ways.otherBrowser().get("/account").status()).as("browsers are not keys").isEqualTo(200);
    }
}
