package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.shared.DateInput;
import org.staffroom.support.Api;
import org.staffroom.support.Api.Response;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Every date the forms and the API take is held to {@link DateInput}'s range: a year like +999999999 used to be
 * stored, and then the meeting's calendar file and every member's calendar feed answered 500.
 */
@IntegrationTest
class DateBoundsTest {

    /** Each parses as an ISO date; none is a day anyone organising at work needs. */
    static final List<String> FAR_DAYS = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "1999-12-31",
            "2101-01-01");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    static void refused(Response response, String field, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(what).isEqualTo(field);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void everyDateTheApiTakesIsWithinTheRangeOrRefusedWithNothingSaved() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Date ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        String g = "/api/v1/groups/" + groupId;
        UUID meetingId = fixtures.meeting(organiser, groupId, "Has actions");
        UUID demandId = fixtures.demand(organiser, groupId, "Has events");
        String concernId = api.post(g + "/concerns", api.signIn(member), Map.of("title", "Rota", "details", "Details",
                "category", "OTHER", "affected", "", "anonymous", false)).ok().json().get("id").asString();
        String grievanceId = api.post(g + "/concerns/" + concernId + "/grievance", organiser.token(), Map.of()).ok()
                .json().get("id").asString();
        String surveyId = api.post(g + "/surveys", organiser.token(), Map.of("title", "Pulse", "intro", "")).ok()
                .json().get("id").asString();
        api.post(g + "/surveys/" + surveyId + "/questions", organiser.token(), Map.of("code", "profession")).ok();
        api.post("/api/v1/journal/keyring", member.token(), Map.of("kdf", "PBKDF2-SHA-256", "iterations", 600_000,
                "salt", "A".repeat(24), "wrappedKey", "A".repeat(80), "recoverySalt", "A".repeat(24),
                "recoveryWrappedKey", "A".repeat(80), "publicKey", "A".repeat(564), "wrappedPrivateKey",
                "A".repeat(2400)))
                .ok();

        for (String day : FAR_DAYS) {
            Map<String, Object> meeting = new HashMap<>(Map.of("title", "Far", "date", day, "startTime", "18:00",
                    "endTime", "19:00", "agenda", ""));
            refused(api.post(g + "/meetings", organiser.token(), meeting), "date", "meeting on " + day);
            refused(api.post(g + "/meetings/" + meetingId + "/actions", organiser.token(),
                    Map.of("what", "Write up", "dueOn", day)), "dueOn", "action due " + day);
            refused(api.post(g + "/proposals", organiser.token(), Map.of("title", "Far", "kind", "YES_NO",
                    "closesAt", day + "T18:00")), "closesAt", "proposal closing " + day);
            refused(api.post(g + "/demands", organiser.token(), Map.of("what", "Far", "reasons", "Because",
                    "addressedTo", "The manager", "respondBy", day)), "respondBy", "demand wanted by " + day);
            refused(api.post(g + "/demands/" + demandId + "/events", organiser.token(), Map.of("kind", "SENT",
                    "detail", "", "occurredOn", day)), "occurredOn", "demand event on " + day);
            refused(api.post(g + "/surveys/" + surveyId + "/open", organiser.token(), Map.of("closesOn", day)),
                    "closesOn", "survey closing " + day);
            refused(api.post(g + "/grievances/" + grievanceId + "/plan", organiser.token(),
                    Map.of("what", "Write to HR", "dueOn", day)), "dueOn", "plan step due " + day);
            refused(api.post("/api/v1/journal/entries/restored", member.token(), Map.of("versions", List.of(Map.of(
                    "writtenAt", day + "T00:00:00Z", "iv", "A".repeat(16), "data", "A".repeat(40))))),
                    "writtenAt", "journal entry written " + day);
            Response cursor = api.get(g + "/concerns?after=" + day + "_" + UUID.randomUUID(), member.token());
            assertThat(cursor.status()).as("cursor at " + day).isEqualTo(400);
        }

        assertThat(count("select count(*) from meetings_meeting where group_id = ?", groupId)).isEqualTo(1);
        assertThat(count("select count(*) from meetings_action where meeting_id = ?", meetingId)).isZero();
        assertThat(count("select count(*) from decisions_proposal where group_id = ?", groupId)).isZero();
        assertThat(count("select count(*) from demands_demand where group_id = ?", groupId)).isEqualTo(1);
        assertThat(count("select count(*) from demands_event where demand_id = ?", demandId)).isZero();
        assertThat(count("select count(*) from surveys_survey where id = ? and status = 'DRAFT'",
                UUID.fromString(surveyId)))
                .isEqualTo(1);
        assertThat(
                count("select count(*) from concerns_plan_item where grievance_id = ?", UUID.fromString(grievanceId)))
                .isZero();
        assertThat(count("select count(*) from journal_entry where account_id = ?", member.id())).isZero();

        Map<String, Object> first = new HashMap<>(Map.of("title", "First day", "date", DateInput.EARLIEST.toString(),
                "startTime", "09:00", "endTime", "10:00", "agenda", ""));
        assertThat(api.post(g + "/meetings", organiser.token(), first).status()).isEqualTo(201);
        first.put("date", DateInput.LATEST.toString());
        assertThat(api.post(g + "/meetings", organiser.token(), first).status()).as("the range's ends are in it")
                .isEqualTo(201);
    }

    @Test
    void theMeetingFormSaysSoNextToTheDate() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Date form ward " + UUID.randomUUID().toString().substring(0, 6));
        WebSession session = WebSession.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        WebSession.Page page = session.post("/groups/" + groupId + "/meetings", Map.of("title", "Far",
                "date", "+999999999-12-31", "startTime", "18:00", "endTime", "19:00"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Give a date from 2000-01-01 to 2100-12-31.");
        assertThat(count("select count(*) from meetings_meeting where group_id = ?", groupId)).isZero();
    }

    @Test
    void calendarsSkipMeetingsTheyCannotWrite() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Far calendar ward " + UUID.randomUUID().toString().substring(0, 6));
        UUID good = fixtures.meeting(organiser, groupId, "Next week");
        UUID far = fixtures.meeting(organiser, groupId, "Stored before the rule");
        // as a meeting saved before dates were bounded: beyond what a calendar file can hold
        OffsetDateTime year20000 = OffsetDateTime.of(20000, 1, 1, 18, 0, 0, 0, ZoneOffset.UTC);
        jdbc.sql("update meetings_meeting set starts_at = ?, ends_at = ? where id = ?")
                .params(year20000, year20000.plusHours(1), far).update();

        String g = "/api/v1/groups/" + groupId + "/meetings/";
        Response single = api.get(g + far + ".ics", organiser.token());
        assertThat(single.status()).as(single.body()).isEqualTo(409);
        assertThat(single.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get(g + good + ".ics", organiser.token()).status()).isEqualTo(200);

        WebSession session = WebSession.signedIn(port, organiser.email(), Fixtures.PASSWORD);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(/calendar/[A-Za-z0-9_-]+\\.ics)")
                .matcher(session.post("/account/calendar", Map.of()).body());
        assertThat(link.find()).isTrue();
        WebSession.Page feed = new WebSession(port).get(link.group(1));
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events.stream().map(e -> e.getProperty("SUMMARY").orElseThrow().getValue()))
                .containsExactly("Next week");
    }
}
