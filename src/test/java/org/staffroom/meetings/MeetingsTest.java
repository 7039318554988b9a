package org.staffroom.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Api;
import org.staffroom.support.Api.Response;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;
import org.staffroom.support.TestClock;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class MeetingsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    static final LocalDate DAY = LocalDate.now().plusDays(9);

    static Map<String, Object> draft(String title) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("date", DAY.toString());
        draft.put("startTime", "18:00");
        draft.put("endTime", "19:30");
        draft.put("place", "Room above the Red Lion");
        draft.put("onlineLink", "https://meet.example.org/staffroom");
        draft.put("agenda", "Rotas for January\n\nUnpaid handovers\nAny other business");
        return draft;
    }

    /** The instant a time on DAY names in the instance's zone (Europe/London), as iCalendar writes it in UTC. */
    static String utc(String time) {
        return ZonedDateTime.of(DAY, LocalTime.parse(time), ZoneId.of("Europe/London"))
                .withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
    }

    static VEvent parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    @Test
    void organisersScheduleMembersAnswerAndTheMeetingIsAnICalendarFile() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Meeting ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        Person other = fixtures.member(groupId, organiser);
        String g = "/api/v1/groups/" + groupId + "/meetings";

        Map<String, Object> draft = draft("Monthly meeting");
        draft.put("facilitatorId", member.id().toString());
        Response scheduled = api.post(g, organiser.token(), draft);
        assertThat(scheduled.status()).isEqualTo(201);
        String id = scheduled.json().get("id").asString();
        assertThat(scheduled.json().get("agenda").valueStream().map(item -> item.get("text").asString()))
                .containsExactly("Rotas for January", "Unpaid handovers", "Any other business");
        assertThat(scheduled.json().get("facilitator").asString()).isEqualTo(member.displayName());
        assertThat(api.get(g, member.token()).json().get("upcoming").get(0).get("title").asString())
                .isEqualTo("Monthly meeting");

        assertThat(api.post(g, member.token(), draft("Members cannot")).status()).isEqualTo(403);
        assertThat(api.get(g + "/" + id, fixtures.person("stranger").token()).status()).isEqualTo(404);
        List<Map.Entry<String, Object>> bad = List.of(Map.entry("date", "tomorrow"), Map.entry("endTime", "17:00"),
                Map.entry("startTime", "25:00"), Map.entry("onlineLink", "javascript:alert(1)"),
                Map.entry("facilitatorId", fixtures.person("outsider").id().toString()),
                Map.entry("agenda", "item\n".repeat(21)), Map.entry("title", ""));
        for (Map.Entry<String, Object> entry : bad) {
            Map<String, Object> wrong = draft("Bad meeting");
            wrong.put(entry.getKey(), entry.getValue());
            Response refused = api.post(g, organiser.token(), wrong);
            assertThat(refused.status()).as(entry.toString()).isEqualTo(400);
            assertThat(refused.body()).as(entry.toString()).contains(entry.getKey());
        }
        assertThat(jdbc.sql("select count(*) from meetings_meeting where group_id = ?").param(groupId)
                .query(Long.class).single()).as("nothing half-saved").isEqualTo(1);

        assertThat(api.post(g + "/" + id + "/answer", member.token(), Map.of("answer", "YES")).status()).isEqualTo(200);
        api.post(g + "/" + id + "/answer", other.token(), Map.of("answer", "YES"));
        JsonNode changed = api.post(g + "/" + id + "/answer", other.token(), Map.of("answer", "MAYBE")).json();
        assertThat(changed.get("answers").get("YES").asLong()).isEqualTo(1);
        assertThat(changed.get("answers").get("MAYBE").asLong()).isEqualTo(1);
        assertThat(changed.get("myAnswer").asString()).isEqualTo("MAYBE");
        assertThat(changed.get("comingNames").size()).as("members see counts, not names").isZero();
        assertThat(api.get(g + "/" + id, organiser.token()).json().get("comingNames").get(0).asString())
                .isEqualTo(member.displayName());
        assertThat(api.post(g + "/" + id + "/answer", member.token(), Map.of("answer", "PERHAPS")).status())
                .isEqualTo(400);

        Response ics = api.get(g + "/" + id + ".ics", member.token());
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        VEvent event = parse(ics.body());
        assertThat(value(event, "SUMMARY")).isEqualTo("Monthly meeting");
        assertThat(value(event, "DTSTART")).isEqualTo(utc("18:00"));
        assertThat(value(event, "DTEND")).isEqualTo(utc("19:30"));
        assertThat(value(event, "LOCATION")).isEqualTo("Room above the Red Lion");
        assertThat(value(event, "DESCRIPTION")).contains("Unpaid handovers");
        assertThat(value(event, "UID")).startsWith(id);
        assertThat(api.get(g + "/" + id + ".ics", fixtures.person("stranger").token()).status()).isEqualTo(404);
    }

    @Test
    void schedulingAndAnsweringOnThePages() throws Exception {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Meeting pages " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        PageChecks.Visited visited = new PageChecks.Visited();
        String meetings = Pages.base(port) + "/groups/" + groupId + "/meetings";

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(meetings);
        visited.check(page, "meetings");
        page.locator("main a.button").click();
        page.locator("#title").fill("Pay campaign planning");
        page.locator("#date").fill(DAY.toString());
        page.locator("#startTime").fill("17:30");
        page.locator("#endTime").fill("17:00");
        page.locator("#agenda").fill("Survey results\nLetter to the manager");
        page.locator("form[action$='/meetings'] button[type=submit]").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#endTime-error")).isVisible();
        visited.check(page, "schedule with an error");
        page.locator("#endTime").fill("18:30");
        page.locator("#facilitatorId").selectOption(member.id().toString());
        page.locator("form[action$='/meetings'] button[type=submit]").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1"))
                .hasText("Pay campaign planning");
        visited.check(page, "meeting");

        Page memberPage = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        memberPage.navigate(meetings);
        memberPage.locator("text=Pay campaign planning").click();
        memberPage.locator("#answer-YES").check();
        memberPage.locator("form[action$='/answer'] button").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(memberPage.locator("main"))
                .containsText("1 coming, 0 maybe, 0 not coming");
        Download download = memberPage.waitForDownload(() -> memberPage.locator("a[href$='.ics']").click());
        VEvent event = parse(Files.readString(download.path()));
        assertThat(value(event, "DTSTART")).isEqualTo(utc("17:30"));
        assertThat(value(event, "DESCRIPTION")).contains("Letter to the manager");

        visited.assertClean();
        page.context().close();
        memberPage.context().close();
    }

    @Test
    void eachMemberHasAPrivateRevocableCalendarFeedOfTheirGroupsMeetings() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID first = fixtures.group(organiser, "Feed ward A " + UUID.randomUUID().toString().substring(0, 6));
        UUID second = fixtures.group(organiser, "Feed ward B " + UUID.randomUUID().toString().substring(0, 6));
        UUID elsewhere = fixtures.group(organiser, "Feed ward C " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(first, organiser);
        String code = fixtures.invitationCode(organiser, second);
        assertThat(api.post("/api/v1/invitations/" + code + "/accept", member.token(), Map.of()).status())
                .isEqualTo(200);
        for (UUID group : List.of(first, second, elsewhere)) {
            api.post("/api/v1/groups/" + group + "/meetings", organiser.token(), draft("Meeting of " + group));
        }

        org.staffroom.support.WebSession session = org.staffroom.support.WebSession.signedIn(port, member.email(),
                Fixtures.PASSWORD);
        assertThat(session.get("/account/calendar").status()).isEqualTo(200);
        String url = link(session.post("/account/calendar", Map.of()).body());
        org.staffroom.support.WebSession calendarApp = new org.staffroom.support.WebSession(port);
        org.staffroom.support.WebSession.Page feed = calendarApp.get(url);
        assertThat(feed.status()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events.stream().map(e -> value(e, "SUMMARY")))
                .containsExactlyInAnyOrder("Meeting of " + first, "Meeting of " + second);

        String renewed = link(session.post("/account/calendar", Map.of()).body());
        assertThat(calendarApp.get(url).status()).as("a new link stops the old one").isEqualTo(404);
        assertThat(calendarApp.get(renewed).status()).isEqualTo(200);
        assertThat(session.post("/account/calendar/revoke", Map.of()).status()).isEqualTo(302);
        assertThat(calendarApp.get(renewed).status()).isEqualTo(404);
        assertThat(calendarApp.get("/calendar/" + "x".repeat(300) + ".ics").status()).isEqualTo(404);
    }

    private static String link(String page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(/calendar/[A-Za-z0-9_-]+\\.ics)")
                .matcher(page);
        assertThat(matcher.find()).as("the page shows the link").isTrue();
        return matcher.group(1);
    }

    @Test
    void momentumShowsAttendanceAndWarnsOrganisersWhenItFallsOrNothingIsPlanned() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Momentum ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        String g = "/api/v1/groups/" + groupId;
        int[] attendance = {10, 8, 6, 4};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < attendance.length; i++) {
            Map<String, Object> past = draft("Meeting " + (i + 1));
            past.put("date", LocalDate.now().minusWeeks(attendance.length - i).toString());
            String id = api.post(g + "/meetings", organiser.token(), past).json().get("id").asString();
            ids.add(id);
            assertThat(api
                    .post(g + "/meetings/" + id + "/attendance", organiser.token(), Map.of("attended", attendance[i]))
                    .json().get("attended").asInt()).isEqualTo(attendance[i]);
        }
        assertThat(api.post(g + "/meetings/" + ids.getFirst() + "/attendance", member.token(), Map.of("attended", 3))
                .status()).as("members do not record attendance").isEqualTo(403);
        assertThat(
                api.post(g + "/meetings/" + ids.getFirst() + "/attendance", organiser.token(), Map.of("attended", -1))
                        .status())
                .isEqualTo(400);

        JsonNode momentum = api.get(g + "/momentum", organiser.token()).json();
        assertThat(momentum.get("meetings").valueStream().map(m -> m.get("attended").asInt())).containsExactly(10, 8, 6,
                4);
        assertThat(momentum.get("warnings").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("ATTENDANCE_FALLING", "NO_MEETING_PLANNED");
        assertThat(api.get(g + "/momentum", member.token()).json().get("warnings").size())
                .as("warnings are for organisers")
                .isZero();

        String upcoming = api.post(g + "/meetings", organiser.token(), draft("Next meeting")).json().get("id")
                .asString();
        assertThat(api.post(g + "/meetings/" + upcoming + "/attendance", organiser.token(), Map.of("attended", 5))
                .status())
                .as("not started yet").isEqualTo(409);
        api.post(g + "/meetings/" + ids.getLast() + "/attendance", organiser.token(), Map.of("attended", 7));
        assertThat(api.get(g + "/momentum", organiser.token()).json().get("warnings").size())
                .as("attendance rose at the last meeting, and one is planned").isZero();
        assertThat(GroupMomentum.falling(List.of(5, 4, 3))).as("three meetings are only two falls").isFalse();
        assertThat(GroupMomentum.falling(List.of(9, 5, 4, 4))).isFalse();

        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        api.post(g + "/meetings/" + ids.getLast() + "/attendance", organiser.token(), Map.of("attended", 2));
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/momentum");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("main"))
                .containsText("Attendance has fallen at each of the last three meetings");
        PageChecks.Visited visited = new PageChecks.Visited();
        visited.check(page, "momentum");
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/meetings/" + ids.getFirst());
        page.locator("#attended").fill("11");
        page.locator("form[action$='/attendance'] button").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("main"))
                .containsText("11 people came");
        visited.check(page, "meeting with attendance");
        visited.assertClean();
        page.context().close();
    }

    @Test
    void minutesAreRenderedSafelyAndActionsCarryOverUntilDone() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Minutes ward " + UUID.randomUUID().toString().substring(0, 6));
        Person noteTaker = fixtures.member(groupId, organiser);
        Person owner = fixtures.member(groupId, organiser);
        String g = "/api/v1/groups/" + groupId;
        Map<String, Object> past = draft("Last month");
        past.put("date", LocalDate.now().minusWeeks(2).toString());
        past.put("noteTakerId", noteTaker.id().toString());
        String first = api.post(g + "/meetings", organiser.token(), past).json().get("id").asString();
        String next = api.post(g + "/meetings", organiser.token(), draft("This month")).json().get("id").asString();

        Map<String, String> minutes = Map.of("text", "Agreed **unanimously**.\n\n<script>alert(1)</script>\n\n"
                + "[bad](javascript:alert(1)) and [good](https://example.org)", "decisions",
                "Send the letter\n\nMeet again");
        assertThat(api.put(g + "/meetings/" + first + "/minutes", owner.token(), minutes).status())
                .as("only the note-taker, facilitator or organisers").isEqualTo(403);
        JsonNode record = api.put(g + "/meetings/" + first + "/minutes", noteTaker.token(), minutes).json();
        String html = record.get("minutesHtml").asString();
        assertThat(html).contains("<strong>unanimously</strong>").contains("&lt;script&gt;").doesNotContain("<script>")
                .doesNotContain("javascript:").contains("href=\"https://example.org\"").contains("rel=\"nofollow");
        assertThat(record.get("decisions").valueStream().map(JsonNode::asString)).containsExactly("Send the letter",
                "Meet again");

        String actionId = api
                .post(g + "/meetings/" + first + "/actions", noteTaker.token(), Map.of("what", "Draft the letter",
                        "ownerId", owner.id().toString(), "dueOn", LocalDate.now().minusDays(1).toString()))
                .json().get("actions").get(0).get("id").asString();
        assertThat(api.post(g + "/meetings/" + first + "/actions", noteTaker.token(), Map.of("what", "x",
                "ownerId", fixtures.person("outsider").id().toString())).status()).isEqualTo(400);
        JsonNode carried = api.get(g + "/meetings/" + next + "/record", owner.token()).json().get("carriedOver");
        assertThat(carried.get(0).get("what").asString()).isEqualTo("Draft the letter");
        assertThat(carried.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(
                api.post(g + "/actions/" + actionId, fixtures.member(groupId, organiser).token(), Map.of("done", true))
                        .status())
                .as("not theirs").isEqualTo(403);
        assertThat(api.post(g + "/actions/" + actionId, owner.token(), Map.of("done", true)).status()).isEqualTo(204);
        assertThat(api.get(g + "/meetings/" + next + "/record", owner.token()).json().get("carriedOver").size())
                .as("done: no longer carried over").isZero();

        org.staffroom.support.WebSession.Page page = org.staffroom.support.WebSession.signedIn(port, owner.email(),
                Fixtures.PASSWORD).get("/groups/" + groupId + "/meetings/" + first);
        assertThat(page.body()).contains("<strong>unanimously</strong>").doesNotContain("<script>alert");
    }

    /** A winter day, when London keeps UTC: the tests' meetings on it run from 13:00 to 14:00. */
    static final LocalDate WINTER_DAY = LocalDate.of(2027, 1, 19);

    /** Half an hour after a meeting on {@code day} ended, by the application's clock. */
    static java.time.Instant after(LocalDate day) {
        return day.atTime(14, 30).toInstant(ZoneOffset.UTC);
    }

    static String scheduleOn(Api api, Person organiser, UUID groupId, String title, LocalDate day) {
        Map<String, Object> draft = draft(title);
        draft.put("date", day.toString());
        draft.put("startTime", "13:00");
        draft.put("endTime", "14:00");
        return api.post("/api/v1/groups/" + groupId + "/meetings", organiser.token(), draft).json().get("id")
                .asString();
    }

    @Test
    void aMeetingThatHasEndedSaysSoShowsItsRecordAndTakesNoMoreAnswersNorQueue() throws Exception {
        clock.startAt(WINTER_DAY);
        try {
            Api api = new Api(port);
            Person organiser = fixtures.person("organiser");
            UUID groupId = fixtures.group(organiser, "Ended meeting " + UUID.randomUUID().toString().substring(0, 6));
            Person member = fixtures.member(groupId, organiser);
            String id = scheduleOn(api, organiser, groupId, "Rota meeting", WINTER_DAY);
            String m = "/api/v1/groups/" + groupId + "/meetings/" + id;
            api.post(m + "/answer", member.token(), Map.of("answer", "YES")).ok();
            api.post(m + "/queue", member.token(), Map.of()).ok();
            Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
            String meetingPage = Pages.base(port) + "/groups/" + groupId + "/meetings/" + id;
            page.navigate(meetingPage);
            PlaywrightAssertions.assertThat(page.locator("#coming-heading")).hasText("Are you coming?");

            clock.startAt(after(WINTER_DAY));
            Response answered = api.post(m + "/answer", member.token(), Map.of("answer", "NO"));
            assertThat(answered.status()).isEqualTo(409);
            assertThat(answered.json().get("detail").asString())
                    .isEqualTo("This meeting has happened, so it no longer asks who is coming.");
            for (String action : List.of("/queue", "/queue/leave")) {
                Response refused = api.post(m + action, member.token(), Map.of());
                assertThat(refused.status()).as(action).isEqualTo(409);
                assertThat(refused.json().get("detail").asString()).as(action)
                        .isEqualTo("This meeting has happened, so its speaking queue is closed.");
            }
            assertThat(api.get(m, member.token()).json().get("myAnswer").asString()).as("unchanged").isEqualTo("YES");
            api.post(m + "/attendance", organiser.token(), Map.of("attended", 12)).ok();
            api.put(m + "/minutes", organiser.token(), Map.of("text", "We agreed to write to the manager.",
                    "decisions", "Write to the manager")).ok();

            // the form left open from before the end: a plain notice on the meeting's page, not an error page
            page.locator("#answer-NO").check();
            page.locator("form[action$='/answer'] button").click();
            PlaywrightAssertions.assertThat(page.locator(".notice-error"))
                    .hasText("This meeting has happened, so it no longer asks who is coming.");
            Locator main = page.locator("main");
            PlaywrightAssertions.assertThat(main).containsText("This meeting has happened.");
            PlaywrightAssertions.assertThat(main).containsText("12 people came.");
            PlaywrightAssertions.assertThat(main).containsText("We agreed to write to the manager.");
            PlaywrightAssertions.assertThat(main).containsText("Write to the manager");
            PlaywrightAssertions.assertThat(page.locator("#coming-heading")).hasCount(0);
            PlaywrightAssertions.assertThat(page.locator("form[action$='/answer']")).hasCount(0);
            PlaywrightAssertions.assertThat(page.locator("main a[href$='/queue']")).hasCount(0);
            PageChecks.Visited visited = new PageChecks.Visited();
            visited.check(page, "a meeting that has happened");

            page.navigate(meetingPage + "/queue");
            PlaywrightAssertions.assertThat(main)
                    .containsText("This meeting has happened, so its speaking queue is closed.");
            PlaywrightAssertions.assertThat(page.locator("form[action$='/queue'], form[action$='/queue/leave']"))
                    .hasCount(0);
            visited.check(page, "the queue of a meeting that has happened");
            visited.assertClean();
            page.context().close();
        } finally {
            clock.reset();
        }
    }

    @Test
    void theListSaysHowManyCameToPastMeetingsAndHowManyAreComingToTheNext() throws Exception {
        clock.startAt(WINTER_DAY);
        try {
            Api api = new Api(port);
            Person organiser = fixtures.person("organiser");
            UUID groupId = fixtures.group(organiser, "Meeting list " + UUID.randomUUID().toString().substring(0, 6));
            List<Person> members = List.of(fixtures.member(groupId, organiser), fixtures.member(groupId, organiser));
            String g = "/api/v1/groups/" + groupId + "/meetings";
            String held = scheduleOn(api, organiser, groupId, "Rota meeting", WINTER_DAY);
            scheduleOn(api, organiser, groupId, "Quiet meeting", WINTER_DAY);
            String next = scheduleOn(api, organiser, groupId, "Pay meeting", WINTER_DAY.plusWeeks(1));
            for (Person member : members) {
                api.post(g + "/" + held + "/answer", member.token(), Map.of("answer", "YES")).ok();
                api.post(g + "/" + next + "/answer", member.token(), Map.of("answer", "YES")).ok();
            }
            clock.startAt(after(WINTER_DAY));
            api.post(g + "/" + held + "/attendance", organiser.token(), Map.of("attended", 12)).ok();

            JsonNode listing = api.get(g, members.getFirst().token()).json();
            Map<String, JsonNode> past = new HashMap<>();
            listing.get("past").forEach(summary -> past.put(summary.get("title").asString(), summary));
            assertThat(past.get("Rota meeting").get("attended").asInt()).isEqualTo(12);
            assertThat(past.get("Quiet meeting").get("attended").isNull()).as("not recorded").isTrue();
            assertThat(listing.get("upcoming").get(0).get("coming").asInt()).isEqualTo(2);

            Page page = Pages.signedIn(port, members.getFirst().email(), Fixtures.PASSWORD);
            page.navigate(Pages.base(port) + "/groups/" + groupId + "/meetings");
            Locator cards = page.locator("li.card");
            Locator rota = cards.filter(new Locator.FilterOptions().setHasText("Rota meeting"));
            PlaywrightAssertions.assertThat(rota).containsText("12 came");
            PlaywrightAssertions.assertThat(rota).not().containsText("coming");
            PlaywrightAssertions.assertThat(cards.filter(new Locator.FilterOptions().setHasText("Quiet meeting")))
                    .containsText("Attendance not recorded");
            PlaywrightAssertions.assertThat(cards.filter(new Locator.FilterOptions().setHasText("Pay meeting")))
                    .containsText("2 coming");
            PageChecks.Visited visited = new PageChecks.Visited();
            visited.check(page, "meetings past and coming");
            visited.assertClean();
            page.context().close();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aRefusedActionOrMinutesOpenTheirFoldedFormWithTheErrorByTheField() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Folded forms " + UUID.randomUUID().toString().substring(0, 6));
        String id = api.post("/api/v1/groups/" + groupId + "/meetings", organiser.token(), draft("Records"))
                .json().get("id").asString();
        Page page = Pages.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + "/groups/" + groupId + "/meetings/" + id);
        PageChecks.Visited visited = new PageChecks.Visited();

        page.locator("details:has(#action-what) summary").click();
        page.locator("#action-what").fill("Book the room");
        page.locator("#action-due").fill("2150-01-01");
        page.locator("form[action*='/actions'] button[type=submit]").click();
        Locator due = page.locator("#action-due");
        PlaywrightAssertions.assertThat(page.locator("#action-due-error"))
                .hasText("Give a date from 2000-01-01 to 2100-12-31.");
        PlaywrightAssertions.assertThat(due).isVisible();
        PlaywrightAssertions.assertThat(due).hasAttribute("aria-invalid", "true");
        PlaywrightAssertions.assertThat(due).hasAttribute("aria-describedby", "action-due-error");
        PlaywrightAssertions.assertThat(page.locator("#action-what")).hasValue("Book the room");
        visited.check(page, "an action refused");

        page.locator("details:has(#minutes-text) summary").click();
        page.locator("#minutes-text").fill("We met.\u0007");
        page.locator("#decisions").fill("Meet again");
        page.locator("form[action*='/minutes'] button[type=submit]").click();
        Locator minutes = page.locator("#minutes-text");
        PlaywrightAssertions.assertThat(page.locator("#minutes-text-error"))
                .hasText("This contains characters that are not allowed.");
        PlaywrightAssertions.assertThat(minutes).isVisible();
        PlaywrightAssertions.assertThat(minutes).hasAttribute("aria-invalid", "true");
        PlaywrightAssertions.assertThat(minutes).hasAttribute("aria-describedby", "minutes-hint minutes-text-error");
        // the refused character shows where it was, as a character HTML can carry
        PlaywrightAssertions.assertThat(minutes).hasValue("We met.\uFFFD");
        PlaywrightAssertions.assertThat(page.locator("#decisions")).hasValue("Meet again");
        visited.check(page, "minutes refused");

        page.locator("#minutes-text").fill("We met.");
        page.locator("form[action*='/minutes'] button[type=submit]").click();
        PlaywrightAssertions.assertThat(page.locator(".minutes")).hasText("We met.");
        assertThat(api.get("/api/v1/groups/" + groupId + "/meetings/" + id + "/record", organiser.token()).json()
                .get("decisions").get(0).asString()).isEqualTo("Meet again");
        visited.assertClean();
        page.context().close();
    }
}
