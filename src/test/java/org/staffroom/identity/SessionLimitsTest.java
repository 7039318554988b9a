package org.staffroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Api;
import org.staffroom.support.ClientAddresses;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

@IntegrationTest
class SessionLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;

    /**
     * The tests' server trusts 127.0.0.1 as its proxy (IntegrationTest); any other peer, loopback or private
     * as it may be, is the client itself, whatever X-Forwarded-For it sends: naming a new address with each
     * guess does not escape the limit of 20 failures per client.
     */
    @Test
    void aPeerThatIsNotTheProxyCannotNameAnotherAddressToDodgeTheLimit() {
        Api direct = new Api(port, ClientAddresses.next());
        int refused = 0;
        for (int i = 0; i < 21; i++) {
            HttpRequest guess = direct.request("/api/v1/auth/token", null)
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + i)
                    .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of(
                            "email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "guess " + i))))
                    .build();
            if (direct.send(guess).status() == 429) {
                refused++;
            }
        }
        assertThat(refused).as("the 21st guess from one peer, under 21 forwarded addresses").isEqualTo(1);

        HttpRequest overHttps = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("Accept", "text/html").GET().build();
        assertThat(new Api(port, ClientAddresses.next()).send(overHttps).header("Strict-Transport-Security"))
                .as("X-Forwarded-Proto from a peer that is not the proxy").isNull();
    }

    @Test
    void sessionsExpireAfterThirtyIdleMinutes() {
        Person person = fixtures.person("nurse");
        WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        Integer idle = jdbc.sql("select max(max_inactive_interval) from spring_session where principal_name = ?")
                .param(person.id().toString()).query(Integer.class).single();
        assertThat(idle).isEqualTo(30 * 60);
    }

    @Test
    void behindAnHttpsProxyCookiesAreSecureAndHstsIsSent() {
        fixtures.person("nurse"); // an instance with accounts shows the sign-in page, not the setup page
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("Accept", "text/html").GET().build();
        Api.Response response = new Api(port).send(request);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(response.raw().headers().allValues("Set-Cookie")).anySatisfy(
                cookie -> assertThat(cookie).startsWith("SESSION=").contains("Secure").contains("HttpOnly"));
        WebSession.Page plain = new WebSession(port).get("/login");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
        assertThat(plain.raw().headers().allValues("Set-Cookie"))
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }

    @Test
    void oneClientFailingForManyAccountsIsThrottledToo() {
        Api client = new Api(port, ClientAddresses.next());
        int throttled = 0;
        for (int i = 0; i < 22; i++) {
            Api.Response response = client.post("/api/v1/auth/token", null,
                    Map.of("email", "guess" + i + "-" + UUID.randomUUID() + "@example.org", "password", "wrong guess"));
            if (response.status() == 429) {
                throttled++;
            } else {
                assertThat(response.status()).isEqualTo(401);
            }
        }
        assertThat(throttled).isEqualTo(2);
    }

    @Test
    void aRevokedPersonalTokenStopsWorking() {
        Person person = fixtures.person("nurse");
        WebSession session = WebSession.signedIn(port, person.email(), Fixtures.PASSWORD);
        session.get("/account");
        WebSession.Page created = session.post("/account/tokens", Map.of("name", "spreadsheet"));
        String token = created.body().replaceAll("(?s).*id=\"new-token\"[^>]*>(sr_[A-Za-z0-9_-]+)<.*", "$1");
        assertThat(token).startsWith("sr_");
        Api api = new Api(port);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        UUID tokenId = tokens.list(person.id()).stream().filter(t -> t.name().equals("spreadsheet")).findFirst()
                .orElseThrow().id();
        assertThat(session.post("/account/tokens/" + tokenId + "/revoke", Map.of()).status()).isEqualTo(302);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }
}
