package org.staffroom.surveys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Api;
import org.staffroom.support.DatabaseDump;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;
import org.staffroom.support.Unlinkability;
import org.staffroom.support.WebSession;

import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;

/** Answering a survey: once per member, checked answer by answer, and unlinkable from the member. */
@IntegrationTest
class ResponsesTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Autowired
    Counts counts;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    record Survey(UUID groupId, Person organiser, String path, List<String> questions) {
    }

    /** An open survey: job (from the bank), stress (bank), unpaid hours (bank, 0 to 80) and a free text. */
    Survey openSurvey(String name, boolean jobRequired) {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, name + " " + UUID.randomUUID().toString().substring(0, 6));
        String base = "/api/v1/groups/" + groupId + "/surveys";
        String path = base + "/" + api.post(base, organiser.token(), Map.of("title", name)).json().get("id").asString();
        if (jobRequired) {
            api.post(path + "/questions", organiser.token(), Map.of("kind", "SINGLE", "text", "Your job?", "options",
                    List.of("Nurse", "Healthcare assistant", "Other"), "required", true, "breakdown", true));
        } else {
            api.post(path + "/questions", organiser.token(), Map.of("code", "profession"));
        }
        api.post(path + "/questions", organiser.token(), Map.of("code", "stress"));
        api.post(path + "/questions", organiser.token(), Map.of("code", "unpaid_hours"));
        JsonNode open = api
                .post(path + "/questions", organiser.token(), Map.of("kind", "TEXT", "text", "Anything else?"))
                .json();
        api.post(path + "/open", organiser.token(), Map.of("closesOn", LocalDate.now().plusDays(10).toString()));
        return new Survey(groupId, organiser, path,
                open.get("questions").valueStream().map(q -> q.get("id").asString()).toList());
    }

    static Map<String, Object> answers(Survey s, int job, int stress, Integer hours, String text) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put(s.questions().get(0), Map.of("choices", List.of(job)));
        answers.put(s.questions().get(1), Map.of("choices", List.of(stress)));
        if (hours != null) {
            answers.put(s.questions().get(2), Map.of("number", hours));
        }
        if (text != null) {
            answers.put(s.questions().get(3), Map.of("text", text));
        }
        return Map.of("answers", answers);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aMemberAnswersOnceEachAnswerIsCheckedAndARefusalLeavesNothing() throws Exception {
        Api api = new Api(port);
        Survey s = openSurvey("Answers ward", true);
        Person member = fixtures.member(s.groupId(), s.organiser());
        String token = api.signIn(member);
        long responses = count("surveys_response");
        long participants = count("surveys_participant");

        Map<String, Object> missing = Map.of("answers", Map.of(s.questions().get(1), Map.of("choices", List.of(2))));
        JsonNode refused = api.post(s.path() + "/responses", token, missing).json();
        assertThat(refused.get("errors").get(0).get("field").asString()).as("the required job")
                .isEqualTo(s.questions().get(0));
        assertThat(api.post(s.path() + "/responses", token, answers(s, 5, 2, null, null)).status()).as("no such option")
                .isEqualTo(400);
        assertThat(api.post(s.path() + "/responses", token, answers(s, 0, 2, 81, null)).status()).as("0 to 80 hours")
                .isEqualTo(400);
        assertThat(api.post(s.path() + "/responses", token, Map.of("answers", Map.of(UUID.randomUUID().toString(),
                Map.of("number", 1)))).status()).isEqualTo(400);
        assertThat(api.post(s.path() + "/responses", member.token(), answers(s, 0, 2, 4, null)).status())
                .as("a personal token cannot unlock the signing secret").isEqualTo(403);
        assertThat(count("surveys_response")).as("nothing half-saved").isEqualTo(responses);
        assertThat(count("surveys_participant")).isEqualTo(participants);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            attempts.add(
                    pool.submit(() -> api.post(s.path() + "/responses", token, answers(s, 0, 3, 4, null)).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> attempt : attempts) {
            statuses.add(attempt.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(15);
        assertThat(count("surveys_response")).as("one response under concurrency").isEqualTo(responses + 1);

        api.post(s.path() + "/close", s.organiser().token(), Map.of());
        assertThat(api.post(s.path() + "/responses", api.signIn(fixtures.member(s.groupId(), s.organiser())),
                answers(s, 1, 1, 2, null)).status()).as("closed").isEqualTo(409);
        assertThat(api.post(s.path() + "/responses", api.signIn(fixtures.person("stranger")), answers(s, 1, 1, 2, null))
                .status()).isEqualTo(404);
    }

    @Test
    void noRowTiesAResponseToTheMemberWhoGaveItNotEvenByTime() throws Exception {
        Api api = new Api(port);
        Survey s = openSurvey("Unlinkable ward", false);
        Person member = fixtures.member(s.groupId(), s.organiser());
        Person other = fixtures.member(s.groupId(), s.organiser());
        api.post(s.path() + "/responses", api.signIn(other), answers(s, 2, 1, 3, "Rotas come out late"));
        api.post(s.path() + "/responses", api.signIn(member), answers(s, 0, 4, 12, "The night manager shouts at us"));
        // on the pages too; the dump is taken before the redirect is followed, so nothing may wait in the session
        Person pageMember = fixtures.member(s.groupId(), s.organiser());
        WebSession web = WebSession.signedIn(port, pageMember.email(), Fixtures.PASSWORD);
        String page = s.path().replace("/api/v1", "");
        WebSession.Page answered = web.post(page + "/responses", Map.of("q." + s.questions().get(0), "1",
                "q." + s.questions().get(1), "3", "q." + s.questions().get(3), "Handovers run over every day"));
        assertThat(answered.location()).doesNotContain("done");
        assertThat(answered.raw().headers().allValues("Set-Cookie")).as("the notice travels in a cookie, not the URL")
                .anyMatch(cookie -> cookie.startsWith("SR_NOTICE=done_answered"));

        List<List<String>> rows = DatabaseDump.allRowsWithSessionsJoined(jdbc);
        List<String> responseIds = jdbc
                .sql("select r.id from surveys_response r join surveys_answer a on a.response_id = r.id"
                        + " where a.text in ('The night manager shouts at us', 'Handovers run over every day')")
                .query(UUID.class).list().stream().map(UUID::toString).toList();
        assertThat(responseIds).hasSize(2);
        String scope = "survey:" + s.path().substring(s.path().lastIndexOf('/') + 1);
        List<String> tags = jdbc.sql("select participant from surveys_participant where survey_id = ?")
                .param(UUID.fromString(scope.substring(7))).query(String.class).list();
        assertThat(tags).hasSize(3);
        for (Person person : List.of(member, pageMember)) {
            List<String> names = new ArrayList<>(Unlinkability.forms(person.id()));
            names.addAll(List.of(person.email(), person.displayName()));
            List<String> acts = new ArrayList<>(tags);
            responseIds.forEach(id -> acts.addAll(Unlinkability.forms(UUID.fromString(id))));
            acts.addAll(List.of("The night manager shouts at us", "Handovers run over every day"));
            assertThat(Unlinkability.rowsLinking(rows, names, acts)).as("rows holding both the member and an answer")
                    .isEmpty();
        }
        for (String tag : tags) {
            Unlinkability.assertNoStoredKeyRecomputes(rows, scope, tag);
        }
        assertThat(jdbc.sql("""
                select count(*) from information_schema.columns
                where lower(table_name) in ('surveys_response', 'surveys_answer', 'surveys_participant')
                and (lower(data_type) like '%date%' or lower(data_type) like '%time%')""").query(Long.class).single())
                .as("no date or time kept with a response or a participant").isZero();

        // closing writes the responses again in a random order under new ids, in one transaction
        UUID surveyId = UUID.fromString(scope.substring(7));
        List<UUID> before = jdbc.sql("select id from surveys_response where survey_id = ?").param(surveyId)
                .query(UUID.class).list();
        api.post(s.path() + "/close", s.organiser().token(), Map.of());
        List<UUID> after = jdbc.sql("select id from surveys_response where survey_id = ?").param(surveyId)
                .query(UUID.class).list();
        assertThat(after).hasSameSizeAs(before).doesNotContainAnyElementsOf(before);
        assertThat(jdbc.sql("select count(*) from surveys_answer a join surveys_response r on r.id = a.response_id"
                + " where r.survey_id = ? and a.text = 'The night manager shouts at us'").param(surveyId)
                .query(Long.class).single()).as("the answers go with them").isEqualTo(1);
        if (org.staffroom.support.TestDatabase.isPostgres()) {
            assertThat(jdbc.sql("select count(distinct xmin::text) from surveys_response where survey_id = ?")
                    .param(surveyId).query(Long.class).single()).as("one transaction wrote them all").isEqualTo(1);
        }
    }

    @Test
    void closingALargeSurveyRewritesItASliceATransactionAndCarriesOnAfterAStop() {
        Api api = new Api(port);
        Survey s = openSurvey("Rewritten in slices", false);
        for (int n = 0; n < 5; n++) {
            Person member = fixtures.member(s.groupId(), s.organiser());
            assertThat(api.post(s.path() + "/responses", api.signIn(member), answers(s, n % 3, n % 5, n, "Note " + n))
                    .status())
                    .isEqualTo(201);
        }
        UUID surveyId = UUID.fromString(s.path().substring(s.path().lastIndexOf('/') + 1));
        List<UUID> before = jdbc.sql("select id from surveys_response where survey_id = ?").param(surveyId)
                .query(UUID.class).list();
        List<String> answersBefore = answerSets(surveyId);

        // two responses a transaction; the server "stops" after drawing the new ids, and carries on later
        Shuffle shuffle = new Shuffle(jdbc, jdbcTemplate, counts, transactionManager, 2);
        shuffle.draw(surveyId);
        assertThat(jdbc.sql("select count(*) from surveys_shuffle where survey_id = ?").param(surveyId)
                .query(Long.class).single()).isEqualTo(5);
        shuffle.carryOn();

        assertThat(jdbc.sql("select id from surveys_response where survey_id = ?").param(surveyId).query(UUID.class)
                .list()).hasSize(5).doesNotContainAnyElementsOf(before);
        assertThat(answerSets(surveyId)).as("each response keeps its own answers").isEqualTo(answersBefore);
        assertThat(jdbc.sql("select count(*) from surveys_shuffle").query(Long.class).single()).isZero();
        if (org.staffroom.support.TestDatabase.isPostgres()) {
            assertThat(jdbc.sql("select count(distinct xmin::text) from surveys_response where survey_id = ?")
                    .param(surveyId).query(Long.class).single()).as("a transaction for each slice").isEqualTo(3);
        }
    }

    /** Each response's answers as one line, the lines sorted: what must survive a rewrite. */
    private List<String> answerSets(UUID surveyId) {
        return jdbc.sql("""
                select a.response_id, a.question_id, a.item, a.number, a.text from surveys_answer a
                join surveys_response r on r.id = a.response_id where r.survey_id = ?""").param(surveyId)
                .query((rs, n) -> java.util.Map.entry(rs.getString(1),
                        rs.getString(2) + ":" + rs.getInt(3) + ":" + rs.getObject(4) + ":" + rs.getString(5)))
                .list().stream()
                .collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey, java.util.TreeMap::new,
                        java.util.stream.Collectors.mapping(Map.Entry::getValue,
                                java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                                        l -> l.stream().sorted().toList().toString()))))
                .values().stream().sorted().toList();
    }

    @Test
    void aMemberAnswersOnThePagesAndIsToldWhatToFixWithoutLosingAnswers() throws Exception {
        Survey s = openSurvey("Answer pages", true);
        Person member = fixtures.member(s.groupId(), s.organiser());
        PageChecks.Visited visited = new PageChecks.Visited();
        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + s.path().replace("/api/v1", ""));
        visited.check(page, "survey to answer");
        // the form is the questions: no list of them above it saying each again
        assertThat(page.locator("#questions-heading")).hasCount(0);
        page.locator("#q1-3").check();
        page.locator("#q2").fill("6");
        page.locator("#q3").fill("Breaks get cancelled");
        page.locator("button[value=send]").click();
        assertThat(page.locator("#q0-error")).isVisible();
        assertThat(page.locator("#q1-3")).isChecked();
        assertThat(page.locator("#q2")).hasValue("6");
        assertThat(page.locator("#q3")).hasValue("Breaks get cancelled");
        visited.check(page, "answers with an error");
        page.locator("#q0-0").check();
        page.locator("button[value=send]").click();
        assertThat(page.locator("main")).containsText("your answers are in");
        assertThat(page.locator("form[action$='/responses']")).hasCount(0);
        assertThat(page.locator("#questions-heading")).isVisible();
        // the turnout never moves in the answer's own request
        assertThat(page.locator("main")).containsText("Nobody has answered yet");
        fixtures.release();
        page.reload();
        assertThat(page.locator("main")).containsText("1 person has answered");
        visited.check(page, "answered");
        visited.assertClean();
        page.context().close();
    }

    @Test
    void answersSavedPartWayComeBackOnlyToTheSameMemberOnTheSameDevice() throws Exception {
        Survey s = openSurvey("Part-way ward", true);
        Person member = fixtures.member(s.groupId(), s.organiser());
        Person colleague = fixtures.member(s.groupId(), s.organiser());
        String url = Pages.base(port) + s.path().replace("/api/v1", "");
        PageChecks.Visited visited = new PageChecks.Visited();
        Page page = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        page.navigate(url);
        page.locator("#q1-2").check();
        page.locator("#q3").fill("Saved for later");
        page.locator("button[value=save]").click();
        assertThat(page.locator("main")).containsText("Your answers so far are saved on this device");
        visited.check(page, "saved part-way");
        page.navigate(Pages.base(port) + "/");
        page.navigate(url);
        assertThat(page.locator("#q1-2")).isChecked();
        assertThat(page.locator("#q3")).hasValue("Saved for later");
        assertThat(jdbc.sql("select count(*) from surveys_answer where text = 'Saved for later'").query(Long.class)
                .single()).as("saved, not sent: nothing counted yet").isZero();
        assertThat(jdbc.sql("select count(*) from surveys_draft").query(Long.class).single()).isPositive();
        assertThat(String.join("|", jdbc.sql("select answers from surveys_draft").query(String.class).list()))
                .as("sealed under the device's key: a copy of the database cannot read what was saved")
                .doesNotContain("Saved for later").doesNotContain(s.questions().get(3));

        Page elsewhere = Pages.signedIn(port, member.email(), Fixtures.PASSWORD);
        elsewhere.navigate(url);
        // another device
        assertThat(elsewhere.locator("#q3")).hasValue("");
        elsewhere.context().close();

        // another member holding this device's cookie (signing out clears every cookie, so copy it across)
        Page colleaguePage = Pages.signedIn(port, colleague.email(), Fixtures.PASSWORD);
        colleaguePage.context().addCookies(page.context().cookies(url).stream()
                .filter(cookie -> cookie.name.equals("SR_SURVEY_DRAFT")).toList());
        colleaguePage.navigate(url);
        assertThat(colleaguePage.locator("#q1-2")).not().isChecked();
        assertThat(colleaguePage.locator("#q3")).hasValue("");
        colleaguePage.context().close();

        page.locator("#q0-1").check();
        page.locator("button[value=send]").click();
        assertThat(page.locator("main")).containsText("your answers are counted");
        assertThat(jdbc.sql("select count(*) from surveys_draft where survey_id = ?").param(UUID.fromString(
                s.path().substring(s.path().lastIndexOf('/') + 1))).query(Long.class).single())
                .as("sent: the saved answers go").isZero();
        assertThat(jdbc.sql("select count(*) from surveys_answer where text = 'Saved for later'").query(Long.class)
                .single())
                .isEqualTo(1);
        visited.assertClean();
        page.context().close();
    }
}
