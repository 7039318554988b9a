package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

/** Pages answer bad input with a 4xx or the form with a message, never a 500, and escape what they show. */
@IntegrationTest
class HostileFormInputTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void wrongTypesAndUnknownValuesAre4xx() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Hostile input group");
        Person member = fixtures.member(groupId, organiser);
        WebSession session = WebSession.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        String g = "/groups/" + groupId;

        assertThat(session.get("/groups/not-a-uuid").status()).isEqualTo(400);
        assertThat(session.get("/groups/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(session.post(g + "/members/" + member.id() + "/role", Map.of("role", "EMPEROR")).status()).isEqualTo(400);
        assertThat(session.post(g + "/members/" + member.id() + "/role", Map.of()).status()).isEqualTo(400);
        assertThat(session.post(g + "/networks", Map.of("networkId", "../../etc/passwd")).status()).isEqualTo(400);
        assertThat(session.post(g + "/networks", Map.of("networkId", UUID.randomUUID().toString())).status()).isEqualTo(404);

        WebSession.Page days = session.post(g + "/invitations", Map.of("validDays", "abc", "maxUses", "99999999999999"));
        assertThat(days.status()).isEqualTo(200);
        assertThat(days.body()).contains("aria-invalid=\"true\"").doesNotContain("id=\"invitation-link\"");

        Map<String, String> group = new HashMap<>(Map.of("name", "Bad\u0000name", "sector", "NHS_TRUST"));
        WebSession.Page control = session.post("/groups", group);
        assertThat(control.status()).isEqualTo(200);
        assertThat(control.body()).contains("aria-invalid=\"true\"");

        group.put("name", "x".repeat(5000));
        assertThat(session.post("/groups", group).status()).isEqualTo(200);
        group.put("listed", "perhaps");
        assertThat(session.post("/groups", group).status()).isBetween(200, 499);
    }

    @Test
    void whatIsStoredComesBackEscaped() {
        Person organiser = fixtures.person("organiser");
        WebSession session = WebSession.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        session.get("/groups/new");
        String name = "<script>alert('x')</script> & \"friends\" 🏥 𝔘";
        WebSession.Page created = session.post("/groups", Map.of("name", name, "sector", "OTHER",
                "description", "<img src=x onerror=alert(1)>\nline two", "listed", "true"));
        assertThat(created.status()).isEqualTo(302);
        WebSession.Page page = session.get(created.location().replaceAll("^https?://[^/]+", ""));
        assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("🏥 𝔘");
        WebSession.Page directory = new WebSession(port).get("/directory?q=friends");
        assertThat(directory.body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }
}
