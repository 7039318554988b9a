package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
import org.staffroom.support.IntegrationTest;

/**
 * Liveness and readiness answer on the main port for the proxy; health and Prometheus metrics on the
 * management port, which listens on the loopback interface only; none of them needs a sign-in or makes a
 * session.
 */
@IntegrationTest
class HealthAndMetricsTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Value("${management.server.address}")
    String managementAddress;

    @Test
    void probesAnswerOnTheMainPortWithoutASession() {
        Api api = new Api(port);
        for (String probe : new String[] {"/livez", "/readyz"}) {
            Api.Response response = api.get(probe, null);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().get("status").asString()).isEqualTo("UP");
            assertThat(response.header("Set-Cookie")).as(probe).isNull();
        }
        assertThat(api.get("/actuator/prometheus", null).status()).isIn(302, 401, 404);
    }

    @Test
    void metricsAreOnTheManagementPortOnTheLoopbackInterface() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(managementAddress).isEqualTo("127.0.0.1");
        Api management = new Api(managementPort);
        new Api(port).get("/login", null);

        Api.Response metrics = management.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count", "hikaricp_connections_active",
                "application=\"staffroom\"");
        assertThat(management.get("/actuator/health/readiness", null).json().get("status").asString()).isEqualTo("UP");
    }
}
