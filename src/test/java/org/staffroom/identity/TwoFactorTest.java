package org.staffroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Api;
import org.staffroom.support.DatabaseDump;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.TotpCodes;
import org.staffroom.support.WebSession;

@IntegrationTest
class TwoFactorTest {

    private static final Pattern SECRET = Pattern.compile("id=\"two-factor-secret\"[^>]*>([A-Z2-7]+)<");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TwoFactor twoFactor;

    static String code(String secret) throws Exception {
        return codeAt(secret, 0);
    }

    /** The code of the 30-second step {@code offset} steps from now. */
    static String codeAt(String secret, int offset) throws Exception {
        return TotpCodes.code(secret, offset);
    }

    static String secretOn(WebSession.Page page) {
        Matcher matcher = SECRET.matcher(page.body());
        assertThat(matcher.find()).as("the set-up page shows the key").isTrue();
        return matcher.group(1);
    }

    @Test
    void withTwoStepSignInAPasswordAloneNoLongerSignsIn() throws Exception {
        Person person = fixtures.person("nurse");
        WebSession session = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        WebSession.Page setup = session.get("/account/two-factor");
        assertThat(setup.body()).contains("data:image/png;base64,").contains("otpauth://totp/");
        WebSession.Page wrong = session.post("/account/two-factor", Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("aria-invalid=\"true\"");
        String secret = secretOn(wrong);
        assertThat(session.post("/account/two-factor", Map.of("code", code(secret))).status()).isEqualTo(302);

        WebSession phone = new WebSession(port);
        WebSession.Page password = phone.signIn(person.email(), Fixtures.PASSWORD);
        assertThat(password.location()).endsWith("/login/two-factor");
        assertThat(phone.get("/account").status()).isEqualTo(302);
        phone.get("/login/two-factor");
        WebSession.Page badCode = phone.post("/login/two-factor", Map.of("code", "123456"));
        assertThat(badCode.status()).isEqualTo(200);
        assertThat(phone.get("/account").status()).isEqualTo(302);
        String used = code(secret);
        WebSession.Page goodCode = phone.post("/login/two-factor", Map.of("code", used));
        assertThat(goodCode.status()).isEqualTo(302);
        assertThat(phone.get("/account").status()).isEqualTo(200);

        Api api = new Api(port);
        Map<String, String> credentials = new HashMap<>(Map.of("email", person.email(), "password", Fixtures.PASSWORD));
        Api.Response rightPassword = api.post("/api/v1/auth/token", null, credentials);
        assertThat(rightPassword.status()).isEqualTo(401);
        Api.Response wrongPassword = api.post("/api/v1/auth/token", null,
                Map.of("email", person.email(), "password", "not the password"));
        assertThat(rightPassword.body()).as("a right password without the code answers as a wrong one")
                .isEqualTo(wrongPassword.body()).contains("not right");
        credentials.put("totp", used);
        assertThat(api.post("/api/v1/auth/token", null, credentials).status()).as("a code works once").isEqualTo(401);
        credentials.put("totp", codeAt(secret, 1));
        assertThat(api.post("/api/v1/auth/token", null, credentials).status()).isEqualTo(200);

        phone.get("/account");
        phone.post("/account/two-factor/disable", Map.of("password", Fixtures.PASSWORD));
        assertThat(new WebSession(port).signIn(person.email(), Fixtures.PASSWORD).location())
                .doesNotContain("two-factor");
    }

    /**
     * Whoever cracks a password from a copy of the database or a backup must not find the second factor
     * beside it: the secret is sealed under a key the server keeps outside the database, for its own row only.
     */
    @Test
    void aCopyOfTheDatabaseDoesNotHoldTheSecondFactor() throws Exception {
        Person person = fixtures.person("nurse");
        WebSession session = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        String secret = secretOn(session.get("/account/two-factor"));
        assertThat(session.post("/account/two-factor", Map.of("code", code(secret))).status()).isEqualTo(302);

        assertThat(DatabaseDump.allValues(jdbc)).as("no table holds the secret")
                .noneMatch(value -> value.contains(secret));
        String stored = jdbc.sql("select totp_secret from identity_account where id = ?").param(person.id())
                .query(String.class).single();
        Person other = fixtures.person("carer");
        jdbc.sql("update identity_account set totp_secret = ? where id = ?").params(stored, other.id()).update();
        assertThat(new WebSession(port).signIn(other.email(), Fixtures.PASSWORD).location())
                .as("a sealed secret moved to another account still asks for a code").endsWith("/login/two-factor");
        WebSession moved = new WebSession(port);
        moved.signIn(other.email(), Fixtures.PASSWORD);
        moved.get("/login/two-factor");
        assertThat(moved.post("/login/two-factor", Map.of("code", codeAt(secret, 1))).status())
                .as("and no code opens it").isEqualTo(200);
        assertThat(moved.get("/account").status()).isEqualTo(302);
    }

    /** Secrets kept in plain text before they were sealed are sealed when the server starts, and still work. */
    @Test
    void secretsKeptInPlainTextAreSealedAtStartUp() throws Exception {
        Person person = fixtures.person("nurse");
        String secret = twoFactor.newSetup().secret();
        jdbc.sql("update identity_account set totp_secret = ? where id = ?").params(secret, person.id()).update();

        assertThat(twoFactor.resealSecrets()).isPositive();
        String stored = jdbc.sql("select totp_secret from identity_account where id = ?").param(person.id())
                .query(String.class).single();
        assertThat(stored).startsWith("s1:").doesNotContain(secret);
        assertThat(twoFactor.resealSecrets()).as("nothing left to seal").isZero();
        WebSession phone = new WebSession(port);
        assertThat(phone.signIn(person.email(), Fixtures.PASSWORD).location()).endsWith("/login/two-factor");
        phone.get("/login/two-factor");
        assertThat(phone.post("/login/two-factor", Map.of("code", code(secret))).status()).isEqualTo(302);
        assertThat(phone.get("/account").status()).isEqualTo(200);
    }

    @Test
    void theSecondStepCannotBeSkippedOrReachedWithoutTheFirst() {
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/login/two-factor").location()).endsWith("/login");
        visitor.get("/login");
        assertThat(visitor.post("/login/two-factor", Map.of("code", "123456")).location()).contains("/login");
    }
}
