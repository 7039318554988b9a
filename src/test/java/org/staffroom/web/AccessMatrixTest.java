package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

/**
 * Every id-bearing route, tried by each kind of person: nobody signed in, someone outside the group, a
 * member, an organiser, and an instance administrator who is not in the group. Groups stay invisible (404)
 * to outsiders; organiser-only routes are 403 for members; administration is for administrators.
 */
@IntegrationTest
class AccessMatrixTest {

    enum Who { ANONYMOUS, OUTSIDER, MEMBER, ORGANISER, ADMINISTRATOR }

    record Route(String method, String path, Map<String, String> form, int... expected) {
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    UUID groupId;
    UUID bystanderId;
    Map<Who, Person> people;
    Map<Who, WebSession> sessions;

    @BeforeEach
    void setUp() {
        Person organiser = fixtures.person("organiser");
        groupId = fixtures.hiddenGroup(organiser, "Matrix group");
        people = new EnumMap<>(Who.class);
        people.put(Who.OUTSIDER, fixtures.person("outsider"));
        people.put(Who.MEMBER, fixtures.member(groupId, organiser));
        people.put(Who.ORGANISER, organiser);
        people.put(Who.ADMINISTRATOR, fixtures.administrator());
        bystanderId = fixtures.member(groupId, organiser).id();
        sessions = new EnumMap<>(Who.class);
        sessions.put(Who.ANONYMOUS, new WebSession(port));
        for (Who who : List.of(Who.OUTSIDER, Who.MEMBER, Who.ORGANISER, Who.ADMINISTRATOR)) {
            sessions.put(who, WebSession.signedIn(port, people.get(who).email(), Fixtures.PASSWORD));
        }
    }

    //                                        anonymous outsider member organiser administrator
    List<Route> pageRoutes() {
        String g = "/groups/" + groupId;
        Map<String, String> settings = Map.of("name", "Matrix group", "sector", "NHS_TRUST");
        return List.of(
                new Route("GET", g, Map.of(), 302, 404, 200, 200, 404),
                new Route("GET", g + "/settings", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/settings", settings, 302, 404, 403, 302, 404),
                new Route("GET", g + "/members", Map.of(), 302, 404, 403, 200, 404),
                new Route("GET", g + "/invitations", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/invitations", Map.of("validDays", "7", "maxUses", "1"), 302, 404, 403, 200, 404),
                new Route("GET", g + "/join-requests", Map.of(), 302, 404, 403, 200, 404),
                new Route("GET", g + "/audit", Map.of(), 302, 404, 403, 200, 404),
                new Route("POST", g + "/members/" + bystanderId + "/role", Map.of("role", "ORGANISER"), 302, 404, 403, 302, 404),
                new Route("POST", g + "/members/" + bystanderId + "/remove", Map.of(), 302, 404, 403, 302, 404),
                new Route("GET", "/account", Map.of(), 302, 200, 200, 200, 200),
                new Route("GET", "/admin", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/admin/outbox", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/admin/audit", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/admin/networks", Map.of(), 302, 403, 403, 403, 200),
                new Route("GET", "/directory", Map.of(), 200, 200, 200, 200, 200),
                new Route("GET", "/", Map.of(), 200, 200, 200, 200, 200));
    }

    List<Route> apiRoutes() {
        String g = "/api/v1/groups/" + groupId;
        return List.of(
                new Route("GET", g, Map.of(), 401, 404, 200, 200, 404),
                new Route("GET", g + "/members", Map.of(), 401, 404, 403, 200, 404),
                new Route("POST", g + "/invitations", Map.of(), 401, 404, 403, 201, 404),
                new Route("GET", "/api/v1/me", Map.of(), 401, 200, 200, 200, 200),
                new Route("GET", "/api/v1/groups", Map.of(), 401, 200, 200, 200, 200),
                new Route("GET", "/api/v1/directory/groups", Map.of(), 200, 200, 200, 200, 200));
    }

    @TestFactory
    Stream<DynamicTest> pages() {
        return pageRoutes().stream().map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
            List<String> wrong = new ArrayList<>();
            Who[] order = Who.values();
            for (int i = 0; i < order.length; i++) {
                WebSession session = sessions.get(order[i]);
                WebSession.Page page = "GET".equals(route.method()) ? session.get(route.path())
                        : session.post(route.path(), route.form());
                if (page.status() != route.expected()[i]) {
                    wrong.add(order[i] + " got " + page.status() + " instead of " + route.expected()[i]);
                }
                if (order[i] == Who.ANONYMOUS && page.status() == 302) {
                    assertThat(page.location()).endsWith("/login");
                }
            }
            assertThat(wrong).as(route.method() + " " + route.path()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> api() {
        Api api = new Api(port);
        return apiRoutes().stream().map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
            List<String> wrong = new ArrayList<>();
            Who[] order = Who.values();
            for (int i = 0; i < order.length; i++) {
                String token = order[i] == Who.ANONYMOUS ? null : people.get(order[i]).token();
                Api.Response response = "GET".equals(route.method()) ? api.get(route.path(), token)
                        : api.post(route.path(), token, route.form());
                if (response.status() != route.expected()[i]) {
                    wrong.add(order[i] + " got " + response.status() + " instead of " + route.expected()[i]);
                }
            }
            assertThat(wrong).as(route.method() + " " + route.path()).isEmpty();
        }));
    }
}
