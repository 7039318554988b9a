package org.staffroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.Pages;
import org.staffroom.support.WebSession;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/** Passkeys in a real Chromium, with the DevTools protocol's virtual authenticator standing in for a phone. */
@IntegrationTest
class PasskeyTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    /** A platform authenticator that holds discoverable credentials and verifies its user (PIN or biometric). */
    private static void addPhone(Page page) {
        CDPSession devTools = page.context().newCDPSession(page);
        devTools.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject args = new JsonObject();
        args.add("options", options);
        devTools.send("WebAuthn.addVirtualAuthenticator", args);
    }

    private static String sessionCookie(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("SESSION")).map(c -> c.value)
                .findFirst().orElse(null);
    }

    @Test
    void aPasskeyAddedOnTheAccountPageSignsInWithoutThePasswordUntilItIsRemoved() {
        Person person = fixtures.person("keyholder");
        Page page = Pages.signedIn(port, person.email(), Fixtures.PASSWORD);
        addPhone(page);
        page.navigate(Pages.base(port) + "/account");
        page.locator("#passkey-label").fill("Pixel in locker");
        page.locator("#passkey-add button").click();
        page.waitForURL(url -> url.contains("passkeyAdded"));
        assertThat(
                page.locator("#passkeys-heading + div, section[aria-labelledby=passkeys-heading]").first().innerText())
                .contains("Pixel in locker").contains("The passkey is added");

        List<String> names = jdbc.sql("select name from user_entities").query(String.class).list();
        assertThat(names).as("the device shows the account id, never the e-mail address")
                .contains(person.id().toString()).noneMatch(n -> n.contains("@"));

        page.locator("form[action$='/logout'] button").click();
        page.waitForURL(url -> url.contains("signedOut"));
        String before = sessionCookie(page);
        page.locator("#passkey-sign-in").click();
        page.waitForURL(Pages.base(port) + "/");
        assertThat(sessionCookie(page)).as("a new session id after sign-in").isNotNull().isNotEqualTo(before);
        page.navigate(Pages.base(port) + "/account");
        assertThat(page.url()).endsWith("/account");
        assertThat(page.locator("main").innerText()).contains(person.email()).contains("Pixel in locker");
        assertThat(jdbc.sql("select kind from audit_event where subject_id = ?").param(person.id()).query(String.class)
                .list()).as("sign-ins are not recorded: their times would date who was active")
                .containsExactlyInAnyOrder("ACCESS_TOKEN_CREATED", "PASSKEY_ADDED");
        assertThat(jdbc.sql("select last_used from user_credentials where label = 'Pixel in locker'")
                .query(java.sql.Timestamp.class).single().toInstant().atOffset(java.time.ZoneOffset.UTC).toLocalTime())
                .as("the day of the passkey's last use, not the time").isEqualTo(java.time.LocalTime.MIDNIGHT);

        page.locator("section[aria-labelledby=passkeys-heading] form[action*='/remove'] button").click();
        page.waitForURL(url -> url.endsWith("/account"));
        assertThat(page.locator("main").innerText()).contains("The passkey is removed")
                .doesNotContain("Pixel in locker");
        page.locator("form[action$='/logout'] button").click();
        page.waitForURL(url -> url.contains("signedOut"));
        page.locator("#passkey-sign-in").click();
        PlaywrightAssertions.assertThat(page.locator("#passkey-status")).containsText("did not work");
        assertThat(page.url()).contains("/login");
        page.navigate(Pages.base(port) + "/account");
        assertThat(page.url()).as("still signed out").contains("/login");
        page.context().close();
    }

    @Test
    void onlyTheOwnerRemovesAPasskeyAndForgedCeremoniesAreRefusedWithoutA500() {
        Person owner = fixtures.person("owner");
        Person other = fixtures.person("other");
        jdbc.sql("insert into user_entities (id, name, display_name) values ('dXNlcg', ?, ?)")
                .params(owner.id().toString(), owner.id().toString()).update();
        jdbc.sql("""
                insert into user_credentials (credential_id, user_entity_user_id, public_key, signature_count,
                    uv_initialized, backup_eligible, backup_state, authenticator_transports,
                    public_key_credential_type, label, created, last_used)
                values ('Y3JlZA', 'dXNlcg', ?, 0, true, false, false, 'internal', 'public-key', 'Work laptop',
                    current_timestamp, current_timestamp)""")
                .param(new byte[] {1, 2, 3}).update();

        WebSession stranger = WebSession.signedIn(port, other.email(), Fixtures.PASSWORD);
        assertThat(stranger.post("/account/passkeys/Y3JlZA/remove", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.post("/account/passkeys/not%20base64!/remove", Map.of()).status()).isEqualTo(404);
        WebSession mine = WebSession.signedIn(port, owner.email(), Fixtures.PASSWORD);
        assertThat(mine.get("/account").body()).contains("Work laptop");
        assertThat(jdbc.sql("select count(*) from user_credentials").query(Long.class).single()).isEqualTo(1);

        WebSession visitor = new WebSession(port);
        visitor.get("/login");
        for (String junk : List.of("{", "[]", "{\"id\":\"x\",\"rawId\":\"!!\",\"response\":{}}",
                "{\"id\":\"Y3JlZA\",\"rawId\":\"Y3JlZA\",\"response\":{\"authenticatorData\":\"AAAA\","
                        + "\"clientDataJSON\":\"e30\",\"signature\":\"AAAA\"},\"type\":\"public-key\"}")) {
            assertThat(visitor.postJson("/login/webauthn", junk).status()).as(junk).isBetween(400, 499);
        }
        assertThat(visitor.postJson("/webauthn/authenticate/options", "").status()).isEqualTo(200);
        assertThat(visitor.postJson("/login/webauthn", "{\"id\":\"Y3JlZA\",\"rawId\":\"Y3JlZA\",\"response\":"
                + "{\"authenticatorData\":\"AAAA\",\"clientDataJSON\":\"e30\",\"signature\":\"AAAA\"},"
                + "\"type\":\"public-key\"}").status()).isBetween(400, 499);
        for (String junk : List.of("{", "{\"publicKey\":{\"label\":\"x\",\"credential\":{\"id\":\"AA\"}}}")) {
            assertThat(mine.postJson("/webauthn/register", junk).status()).as(junk).isBetween(400, 499);
        }
        assertThat(mine.postJson("/webauthn/register/options", "").status()).isEqualTo(200);
        assertThat(mine.postJson("/webauthn/register", "{\"publicKey\":{\"label\":\"x\",\"credential\":{\"id\":\"AA\","
                + "\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{\"attestationObject\":\"AA\","
                + "\"clientDataJSON\":\"e30\"}}}}").status()).isBetween(400, 499);

        mine.post("/account/delete", Map.of("password", Fixtures.PASSWORD));
        assertThat(jdbc.sql("select count(*) from user_entities where name = ?").param(owner.id().toString())
                .query(Long.class).single()).as("deleting the account deletes its passkeys").isZero();
        assertThat(jdbc.sql("select count(*) from user_credentials where credential_id = 'Y3JlZA'")
                .query(Long.class).single()).isZero();
    }
}
