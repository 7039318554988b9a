package org.staffroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.ClientAddresses;
import org.staffroom.support.DatabaseDump;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

@IntegrationTest
class SessionSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesCarryTheSecurityHeaders() {
        Person person = fixtures.person("nurse");
        WebSession session = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        WebSession.Page page = session.get("/account");
        assertThat(page.status()).isEqualTo(200);
        String csp = page.header("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Permissions-Policy")).contains("camera=()", "geolocation=()");
        assertThat(page.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains(person.displayName());
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteWithAtLeast128RandomBitsAndIsRenewedAtSignIn() {
        Person person = fixtures.person("nurse");
        WebSession session = new WebSession(port);
        WebSession.Page login = session.get("/login");
        String before = session.cookie("SESSION");
        String setCookie = login.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");

        session.post("/login", Map.of("email", person.email(), "password", Fixtures.PASSWORD));
        String after = session.cookie("SESSION");
        assertThat(after).isNotEqualTo(before);
        String sessionId = new String(Base64.getDecoder().decode(after));
        assertThat(Base64.getUrlDecoder().decode(sessionId)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(sessionId.length()).isGreaterThanOrEqualTo(43);
    }

    @Test
    void signingOutClearsSiteData() {
        Person person = fixtures.person("nurse");
        WebSession session = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        WebSession.Page out = session.post("/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Clear-Site-Data")).contains("\"cookies\"", "\"storage\"", "\"cache\"");
        assertThat(session.get("/account").status()).isEqualTo(302);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() {
        Person person = fixtures.person("nurse");
        WebSession session = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        WebSession.Page page = session.postWithoutCsrf("/account/name", Map.of("displayName", "Changed"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(session.get("/account").body()).contains(person.displayName()).doesNotContain("Changed");
    }

    /**
     * Five wrong passwords for an account from a browser it has not signed in on slow the account down for
     * such browsers (one try every 3 minutes) rather than lock it: the right password is refused, with a
     * clear message, only until the 3 minutes have passed.
     */
    @Test
    void repeatedFailuresSlowTheAccountDownRatherThanLockIt() {
        Person person = fixtures.person("nurse");
        WebSession session = new WebSession(port, ClientAddresses.next());
        for (int i = 0; i < 5; i++) {
            WebSession.Page failed = session.signIn(person.email(), "wrong password number " + i);
            assertThat(failed.location()).endsWith("/login?error");
        }
        WebSession.Page held = session.signIn(person.email(), Fixtures.PASSWORD);
        assertThat(held.status()).isEqualTo(429);
        assertThat(held.body()).contains("once every 3 minutes");
        Long audited = jdbc.sql("select count(*) from audit_event where subject_id = ? and kind = 'SIGN_IN_FAILED'")
                .param(person.id()).query(Long.class).single();
        assertThat(audited).isEqualTo(5);

        // three minutes on: the slowed window has passed, the count of five has not
        jdbc.sql("update shared_throttle set window_ends = ? where throttle = 'sign-in-slowed' and key_hash = ?")
                .params(java.time.OffsetDateTime.now().minusSeconds(1),
                        org.staffroom.shared.SecretTokens.hash(person.email()))
                .update();
        assertThat(jdbc.sql("select attempts from shared_throttle where throttle = 'sign-in' and key_hash = ?")
                .param(org.staffroom.shared.SecretTokens.hash(person.email())).query(Integer.class).single())
                .isEqualTo(5);
        assertThat(session.signIn(person.email(), Fixtures.PASSWORD).location()).doesNotContain("error");
    }

    @Test
    void signInFailuresSayTheSameForUnknownAddressesAndWrongPasswords() {
        Person person = fixtures.person("nurse");
        WebSession wrongSession = new WebSession(port);
        WebSession unknownSession = new WebSession(port);
        WebSession.Page wrongPassword = wrongSession.signIn(person.email(), "not the right password");
        WebSession.Page unknown = unknownSession.signIn("nobody-" + UUID.randomUUID() + "@example.org",
                "whatever it is");
        // both must be a refusal (not equal because both are missing), and say the same
        assertThat(wrongPassword.status()).isEqualTo(unknown.status()).isEqualTo(302);
        assertThat(wrongPassword.location()).endsWith("/login?error").isEqualTo(unknown.location());
        String tokens = "(value|data-csrf-token)=\"[^\"]*\"";
        String wrongPage = wrongSession.get("/login?error").body().replaceAll(tokens, "");
        String unknownPage = unknownSession.get("/login?error").body().replaceAll(tokens, "");
        assertThat(wrongPage).contains("role=\"alert\"").isEqualTo(unknownPage);
    }

    @Test
    void sessionsCanBeListedAndRevokedAndSigningOutEverywhereEndsThemAll() {
        Person person = fixtures.person("nurse");
        WebSession phone = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        WebSession laptop = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        String account = phone.get("/account").body();
        assertThat(account.split("/account/sessions/[0-9a-f]{16}/revoke", -1)).hasSize(2);

        phone.post("/account/sessions/revoke-all", Map.of());
        assertThat(laptop.get("/account").status()).isEqualTo(302);
        assertThat(phone.get("/account").status()).isEqualTo(302);
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() {
        Person person = fixtures.person("nurse");
        WebSession phone = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        WebSession laptop = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        phone.get("/account");
        WebSession.Page changed = phone.post("/account/password", Map.of("currentPassword", Fixtures.PASSWORD,
                "newPassword", "a brand new passphrase for me"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(phone.get("/account").status()).isEqualTo(200);
        assertThat(laptop.get("/account").status()).isEqualTo(302);
        assertThat(new WebSession(port).signIn(person.email(), "a brand new passphrase for me").location())
                .doesNotContain("error");
    }

    @Test
    void aTooShortNewPasswordIsExplainedNextToTheFieldAndNothingChanges() {
        Person person = fixtures.person("nurse");
        WebSession session = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        session.get("/account");
        WebSession.Page page = session.post("/account/password", Map.of("currentPassword", Fixtures.PASSWORD,
                "newPassword", "short"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("12");
        assertThat(new WebSession(port).signIn(person.email(), Fixtures.PASSWORD).location()).doesNotContain("error");
    }

    @Test
    void noAddressOrUserAgentIsStoredAnywhere() {
        Person person = fixtures.person("nurse");
        WebSession session = new WebSession(port);
        assertThat(session.get("/account").status()).isEqualTo(302);
        WebSession.Page signedIn = session.signIn(person.email(), Fixtures.PASSWORD);
        assertThat(signedIn.location()).endsWith("/account");
        session.get("/account");
        new WebSession(port).signIn(person.email(), "wrong password here");
        session.post("/account/tokens", Map.of("name", "my script"));
        List<String> everything = DatabaseDump.allValues(jdbc);
        assertThat(everything).isNotEmpty();
        assertThat(everything.stream().filter(value -> value.contains("127.0.0.1") || value.contains("0:0:0:0:0:0:0:1")
                || value.contains("Java-http-client") || value.contains("HeadlessChrome")
                || value.contains("Mozilla/")))
                .isEmpty();
    }
}
