package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.RawHttp;

/**
 * A request the firewall refuses (Spring Security's StrictHttpFirewall, or Tomcat before it) gets the same
 * security headers as any page. Sent over a raw socket, so that no client tidies the path first.
 */
@IntegrationTest
class RejectedRequestHeadersTest {

    static final List<String> SECURITY_HEADERS = List.of("content-security-policy", "x-content-type-options",
            "x-frame-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy", "cache-control");

    static final List<String> REJECTED = List.of("//x", "/groups//x", "/a%2Fb", "/a%2fb", "/a;jsessionid=1",
            "/login;x=y", "/a/%2e%2e/b", "/a\\b", "/%25", "/a%00b", "/api//v1/groups", "/api/v1/groups;x",
            "/api/v1/a%2Fb", "/css/app.css;x");

    @LocalServerPort
    int port;

    @Test
    void refusedRequestsCarryThePagesSecurityHeaders() throws IOException {
        RawHttp http = new RawHttp(port);
        RawHttp.Answer page = http.get("/privacy");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers()).containsKeys(SECURITY_HEADERS.toArray(String[]::new));

        for (String target : REJECTED) {
            RawHttp.Answer refused = http.get(target);
            assertThat(refused.status()).as(target).isBetween(400, 499);
            for (String header : SECURITY_HEADERS) {
                assertThat(refused.headers().get(header)).as(target + " " + header)
                        .isEqualTo(page.headers().get(header));
            }
        }
    }
}
