package org.staffroom.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.decisions.Proposals;
import org.staffroom.meetings.Meetings;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Page;

/**
 * Makes the screenshots in docs/screenshots at a phone's width (390 px): the concern form, a group's page and a
 * survey's results chart, each from data made here, so that they can be made again after a change with
 * {@code ./staffroom screenshots}. Not part of the suite (the name does not end in Test): it writes files.
 */
@IntegrationTest
class Screenshots {

    static final Path DIRECTORY = Path.of("docs", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Proposals proposals;

    @Autowired
    Meetings meetings;

    private static void save(Page page, String name) throws Exception {
        Files.createDirectories(DIRECTORY);
        // wait for the fonts and styles, then take the whole page as a phone shows it scrolled
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions().setPath(DIRECTORY.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void makeThem() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Ward 7 nurses");
        proposals.propose(organiser.id(), groupId,
                new Proposals.Draft("Refuse unpaid handovers", "", "YES_NO", "SIMPLE",
                        null, 0, true, false,
                        LocalDateTime.now().plusDays(5).withHour(18).withMinute(0).withSecond(0).withNano(0)
                                .toString(),
                        List.of(), null));
        meetings.schedule(organiser.id(), groupId,
                new Meetings.Draft("Monthly meeting", LocalDate.now().plusDays(6).toString(),
                        "18:00", "19:00", "Staff room, level 2", "", null, null, "Handovers\nRota", List.of()));

        String base = "/api/v1/groups/" + groupId + "/surveys";
        String path = base + "/" + api.post(base, organiser.token(), Map.of("title", "Staffing this winter")).json()
                .get("id").asString();
        List<String> questions = api.post(path + "/questions", organiser.token(), Map.of("code", "stress")).json()
                .get("questions").valueStream().map(q -> q.get("id").asString()).toList();
        api.post(path + "/open", organiser.token(), Map.of("closesOn", LocalDate.now().plusDays(5).toString()));
        int[] stress = {0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 1, 2, 3, 3, 4, 2, 3};
        for (int answer : stress) {
            Person member = fixtures.member(groupId, organiser);
            Map<String, Object> answers = new HashMap<>();
            answers.put(questions.getFirst(), Map.of("choices", List.of(answer)));
            api.post(path + "/responses", api.signIn(member), Map.of("answers", answers)).ok();
        }
        Person member = fixtures.member(groupId, organiser);
        api.post(path + "/close", organiser.token(), Map.of()).ok();
        api.post(path + "/publish", organiser.token(), Map.of()).ok();
        fixtures.release();

        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/concerns/new");
        save(page, "concern-form");
        page.navigate(Pages.base(port) + "/groups/" + groupId);
        save(page, "group-page");
        page.navigate(Pages.base(port) + path.replace("/api/v1", "") + "/results");
        page.locator(".chart").first().waitFor();
        save(page, "survey-results");
        page.context().close();
    }
}
