package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.IntegrationTest;

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

    record Answer(int status, Map<String, String> headers) {
    }

    /** One HTTP/1.1 request as written, read to the end of the headers. */
    Answer raw(String target) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                String sofar = head.toString(StandardCharsets.ISO_8859_1);
                if (sofar.endsWith("\r\n\r\n")) {
                    break;
                }
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            return new Answer(status, headers);
        }
    }

    @Test
    void refusedRequestsCarryThePagesSecurityHeaders() throws IOException {
        Answer page = raw("/privacy");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers()).containsKeys(SECURITY_HEADERS.toArray(String[]::new));

        for (String target : REJECTED) {
            Answer refused = raw(target);
            assertThat(refused.status()).as(target).isBetween(400, 499);
            for (String header : SECURITY_HEADERS) {
                assertThat(refused.headers().get(header)).as(target + " " + header).isEqualTo(page.headers().get(header));
            }
        }
    }
}
