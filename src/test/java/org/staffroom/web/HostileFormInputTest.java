package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
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
        assertThat(session.post(g + "/members/" + member.id() + "/role", Map.of("role", "EMPEROR")).status())
                .isEqualTo(400);
        assertThat(session.post(g + "/members/" + member.id() + "/role", Map.of()).status()).isEqualTo(400);
        assertThat(session.post(g + "/networks", Map.of("networkId", "../../etc/passwd")).status()).isEqualTo(400);
        assertThat(session.post(g + "/networks", Map.of("networkId", UUID.randomUUID().toString())).status())
                .isEqualTo(404);

        WebSession.Page days = session.post(g + "/invitations",
                Map.of("validDays", "abc", "maxUses", "99999999999999"));
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

    @Test
    void concernsRefuseHostileInputWithA4xxAndShowWhatTheyStoreEscaped() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Hostile concerns group");
        Person member = fixtures.member(groupId, organiser);
        WebSession session = WebSession.signedIn(port, member.email(), Fixtures.PASSWORD);
        String g = "/groups/" + groupId;
        session.get(g + "/concerns/new");

        Map<String, String> draft = new HashMap<>(Map.of("title", "<script>alert(1)</script> \"Rota\" & 𝔘",
                "details", "<img src=x onerror=alert(1)>\nsecond line", "category", "OTHER", "affected", "",
                "anonymous", "false"));
        WebSession.Page raised = session.post(g + "/concerns", draft);
        assertThat(raised.status()).isEqualTo(302);
        WebSession.Page concern = session.get(raised.location().replaceAll("^https?://[^/]+", ""));
        assertThat(concern.body()).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("𝔘");

        for (Map.Entry<String, String> bad : List.of(Map.entry("title", "x".repeat(151)),
                Map.entry("title", "a\u0000b"),
                Map.entry("category", "'; drop table concerns_concern; --"), Map.entry("details", ""),
                Map.entry("anonymous", "perhaps"))) {
            Map<String, String> form = new HashMap<>(draft);
            form.put(bad.getKey(), bad.getValue());
            WebSession.Page page = session.post(g + "/concerns", form);
            assertThat(page.status()).as(bad.toString()).isBetween(200, 499);
            if (page.status() == 200) {
                assertThat(page.body()).as(bad.toString()).contains("aria-invalid=\"true\"");
            }
        }
        assertThat(session.get(g + "/concerns/not-a-uuid").status()).isEqualTo(400);
        assertThat(session.get(g + "/concerns?after=%27%3B--").status()).isEqualTo(400);
        assertThat(session.post(g + "/concerns/" + UUID.randomUUID() + "/cosign", Map.of()).status()).isEqualTo(404);
        assertThat(session.post("/receipt", Map.of("receipt", "x".repeat(100_000))).status()).isBetween(200, 499);
        assertThat(session.post("/receipt/download", Map.of("receipt", "../../etc/passwd".repeat(10))).status())
                .isBetween(400, 499);

        Api api = new Api(port);
        String token = api.signIn(member);
        String concerns = "/api/v1/groups/" + groupId + "/concerns";
        for (String body : List.of("{", "[]", "{\"title\": 5, \"details\": {}, \"category\": null}",
                "{\"title\": \"t\", \"details\": \"d\", \"category\": \"OTHER\", \"anonymous\": \"maybe\"}",
                "{\"title\": \"" + "\\u0000".repeat(3) + "\", \"details\": \"d\", \"category\": \"OTHER\"}")) {
            Api.Response response = api.postRaw(concerns, token, "application/json", body);
            assertThat(response.status()).as(body).isBetween(400, 499);
            assertThat(response.header("Content-Type")).as(body).contains("application/problem+json");
        }
        assertThat(api.postRaw(concerns, token, "text/plain", "title=x").status()).isEqualTo(415);
        assertThat(api.postRaw("/api/v1/receipts/concern", null, "application/json", "{\"receipt\": 12}").status())
                .isBetween(400, 499);
        assertThat(api.postRaw("/api/v1/groups/" + groupId + "/grievances/" + UUID.randomUUID() + "/plan", token,
                "application/json", "{\"what\": \"x\", \"ownerId\": \"not-a-uuid\"}").status()).isBetween(400, 499);
    }
}
