package org.staffroom.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class QueueTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    static List<String> waiting(JsonNode state) {
        return state.get("waiting").valueStream().map(s -> s.get("name").asString()).toList();
    }

    @Test
    void membersAskingAndWithdrawingAtOnceAllGetAnAnswerAndTheQueueKeepsItsOrder() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Busy queue " + UUID.randomUUID().toString().substring(0, 6));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(fixtures.member(groupId, organiser));
        }
        String meeting = api
                .post("/api/v1/groups/" + groupId + "/meetings", organiser.token(), MeetingsTest.draft("Busy"))
                .json().get("id").asString();
        String q = "/api/v1/groups/" + groupId + "/meetings/" + meeting + "/queue";
        List<java.util.concurrent.Callable<List<Integer>>> members = people
                .stream().<java.util.concurrent.Callable<List<Integer>>>map(person -> () -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int round = 0; round < 8; round++) {
                        statuses.add(api.post(q, person.token(), Map.of()).status());
                        statuses.add(api.post(q + "/leave", person.token(), Map.of()).status());
                    }
                    statuses.add(api.post(q, person.token(), Map.of()).status());
                    return statuses;
                }).toList();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(people.size())) {
            for (var answers : pool.invokeAll(members)) {
                assertThat(answers.get()).as("every request answered").containsOnly(200);
            }
        }
        assertThat(waiting(api.get(q, organiser.token()).json())).as("everyone is waiting once")
                .containsExactlyInAnyOrderElementsOf(people.stream().map(Person::displayName).toList());
    }

    @Test
    void peopleWhoHaveNotSpokenComeBeforeThoseWhoHave() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Queue ward " + UUID.randomUUID().toString().substring(0, 6));
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(fixtures.member(groupId, organiser));
        }
        String meeting = api
                .post("/api/v1/groups/" + groupId + "/meetings", organiser.token(), MeetingsTest.draft("Queue"))
                .json().get("id").asString();
        String q = "/api/v1/groups/" + groupId + "/meetings/" + meeting + "/queue";
        Person a = people.get(0);
        Person b = people.get(1);
        Person c = people.get(2);
        Person d = people.get(3);

        api.post(q, a.token(), Map.of());
        api.post(q, a.token(), Map.of());
        api.post(q, b.token(), Map.of());
        assertThat(waiting(api.post(q, c.token(), Map.of()).json()))
                .as("asking twice changes nothing").containsExactly(a.displayName(), b.displayName(), c.displayName());
        Api.Response refused = api.post(q + "/next", a.token(), Map.of());
        assertThat(refused.status()).as("members do not run the queue").isEqualTo(403);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Only the facilitator or an organiser can run the queue.");
        JsonNode afterFirst = api.post(q + "/next", organiser.token(), Map.of()).json();
        assertThat(afterFirst.get("speaking").get("name").asString()).isEqualTo(a.displayName());

        api.post(q, a.token(), Map.of());
        JsonNode turns = api.post(q, d.token(), Map.of()).json();
        assertThat(waiting(turns)).as("A has the floor and asks again: behind everyone who has not spoken")
                .containsExactly(b.displayName(), c.displayName(), d.displayName(), a.displayName());
        JsonNode second = api.post(q + "/next", organiser.token(), Map.of()).json();
        assertThat(second.get("speaking").get("name").asString()).isEqualTo(b.displayName());
        assertThat(waiting(second)).containsExactly(c.displayName(), d.displayName(), a.displayName());
        assertThat(second.get("waiting").get(2).get("spokenBefore").asInt()).isEqualTo(1);

        assertThat(waiting(api.post(q + "/leave", c.token(), Map.of()).json()))
                .containsExactly(d.displayName(), a.displayName());
        Api.Response tooShort = api.post(q + "/limit", organiser.token(), Map.of("seconds", 5));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("detail").asString())
                .isEqualTo("Choose from 30 to 1800 seconds, or leave it empty.");
        assertThat(
                api.post(q + "/limit", organiser.token(), Map.of("seconds", 120)).json().get("speakingSeconds").asInt())
                .isEqualTo(120);
        assertThat(api.get(q, fixtures.person("stranger").token()).status()).isEqualTo(404);
    }

    @Test
    void theFacilitatorsViewRefreshesItselfAndThePageWorksWithForms() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Queue pages " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        String meeting = new Api(port).post("/api/v1/groups/" + groupId + "/meetings", organiser.token(),
                MeetingsTest.draft("Queue meeting")).json().get("id").asString();
        String url = Pages.base(port) + "/groups/" + groupId + "/meetings/" + meeting + "/queue";

        Page facilitator = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        facilitator.navigate(url);
        List<String[]> html = new ArrayList<>();
        html.add(new String[] {"queue", facilitator.content()});
        List<String> violations = new ArrayList<>(PageChecks.axe(facilitator));

        Page phone = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        phone.navigate(url);
        phone.locator("form[action$='/queue'] button").click();
        PlaywrightAssertions.assertThat(phone.locator("#queue")).containsText("you");

        // no reload on the facilitator's side: the script brings the new name in
        PlaywrightAssertions.assertThat(facilitator.locator("#queue")).containsText(member.displayName(),
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        // while nothing changes, the refreshes leave the list as it is (each page's CSRF tokens differ): the
        // button under the facilitator's finger stays the same element, and keeps the focus
        String remove = "#queue form[action$='/remove'] button";
        facilitator.locator(remove).focus();
        facilitator.evaluate("selector => document.querySelector(selector).kept = true", remove);
        for (int refreshes = 0; refreshes < 2; refreshes++) {
            facilitator.waitForResponse(response -> response.url().endsWith("/queue"), () -> {
            });
        }
        assertThat(facilitator.evaluate("selector => document.querySelector(selector).kept === true"
                + " && document.activeElement === document.querySelector(selector)", remove)).isEqualTo(true);
        facilitator.locator("form[action$='/queue/next'] button").click();
        PlaywrightAssertions.assertThat(facilitator.locator(".speaker")).containsText(member.displayName());
        html.add(new String[] {"queue with a speaker", facilitator.content()});
        violations.addAll(PageChecks.axe(facilitator));
        assertThat(violations).isEmpty();
        assertThat(PageChecks.nuErrors(html)).isEmpty();
        facilitator.context().close();
        phone.context().close();
    }

    @Test
    void theButtonFollowsTheRefreshedQueueAndThePageSaysWhenItIsYourTurn() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Queue turns " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        Person other = fixtures.member(groupId, organiser);
        String meeting = api.post("/api/v1/groups/" + groupId + "/meetings", organiser.token(),
                MeetingsTest.draft("Turns")).json().get("id").asString();
        String q = "/api/v1/groups/" + groupId + "/meetings/" + meeting + "/queue";
        String url = Pages.base(port) + "/groups/" + groupId + "/meetings/" + meeting + "/queue";
        LocatorAssertions.HasTextOptions refreshed = new LocatorAssertions.HasTextOptions().setTimeout(10_000);
        PageChecks.Visited visited = new PageChecks.Visited();

        Page phone = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        phone.navigate(url);
        Locator turn = phone.getByRole(AriaRole.STATUS);
        Locator button = phone.locator("form[action$='/queue'] button, form[action$='/queue/leave'] button");
        button.click();
        PlaywrightAssertions.assertThat(button).hasText("Take me off the queue");
        api.post(q, other.token(), Map.of()).ok();

        // the facilitator gives the floor elsewhere; no reload on the phone: the script brings the change in
        api.post(q + "/next", organiser.token(), Map.of()).ok();
        PlaywrightAssertions.assertThat(button).hasText("I want to speak", refreshed);
        PlaywrightAssertions.assertThat(turn).hasText("It's your turn to speak.", refreshed);
        visited.check(phone, "queue: your turn");

        // without the script, the page as the server sends it says the same
        phone.context().route("**/js/queue.js", route -> route.abort());
        phone.reload();
        PlaywrightAssertions.assertThat(turn).hasText("It's your turn to speak.");
        PlaywrightAssertions.assertThat(button).hasText("I want to speak");

        Page next = Pages.signedIn(port, other.email(), Fixtures.PASSWORD);
        next.navigate(url);
        PlaywrightAssertions.assertThat(next.getByRole(AriaRole.STATUS)).hasText("You are next in the queue.");
        visited.check(next, "queue: next");
        api.post(q + "/next", organiser.token(), Map.of()).ok();
        PlaywrightAssertions.assertThat(next.getByRole(AriaRole.STATUS)).hasText("It's your turn to speak.", refreshed);
        PlaywrightAssertions
                .assertThat(next.locator("form[action$='/queue'] button, form[action$='/queue/leave'] button"))
                .hasText("I want to speak", refreshed);
        visited.assertClean();
        phone.context().close();
        next.context().close();
    }
}
