package org.staffroom.surveys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.staffroom.support.PageChecks;
import org.staffroom.support.Pages;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import tools.jackson.databind.JsonNode;

/** Results through the disclosure-control rules, in the API, the CSV and the pages. */
@IntegrationTest
class ResultsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    record Run(UUID groupId, Person organiser, Person member, String path, List<String> questions,
            List<Person> members) {
    }

    /**
     * 25 people answer: 12 nurses, 12 assistants and 1 other; stress from the bank; the sensitive question
     * about bullying by managers; and unpaid hours, 2 each except the nurses, who give 6.
     */
    Run run() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Results ward " + UUID.randomUUID().toString().substring(0, 6));
        String base = "/api/v1/groups/" + groupId + "/surveys";
        String path = base + "/" + api.post(base, organiser.token(), Map.of("title", "Conditions 2027")).json()
                .get("id").asString();
        api.post(path + "/questions", organiser.token(), Map.of("kind", "SINGLE", "text", "Your job?", "options",
                List.of("Nurse", "Assistant", "Other"), "breakdown", true));
        api.post(path + "/questions", organiser.token(), Map.of("code", "stress"));
        api.post(path + "/questions", organiser.token(), Map.of("code", "bullied_by_managers"));
        List<String> questions = api.post(path + "/questions", organiser.token(), Map.of("code", "unpaid_hours")).json()
                .get("questions").valueStream().map(q -> q.get("id").asString()).toList();
        api.post(path + "/open", organiser.token(), Map.of("closesOn", LocalDate.now().plusDays(5).toString()));
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Person member = fixtures.member(groupId, organiser);
            members.add(member);
            int job = i < 12 ? 0 : i < 24 ? 1 : 2;
            Map<String, Object> answers = new HashMap<>();
            answers.put(questions.get(0), Map.of("choices", List.of(job)));
            answers.put(questions.get(1), Map.of("choices", List.of(i % 5)));
            answers.put(questions.get(2), Map.of("choices", List.of(i % 2)));
            answers.put(questions.get(3), Map.of("number", job == 0 ? 6 : 2));
            assertThat(api.post(path + "/responses", api.signIn(member), Map.of("answers", answers)).status())
                    .isEqualTo(201);
        }
        return new Run(groupId, organiser, members.getFirst(), path, questions, members);
    }

    static JsonNode question(JsonNode results, String id) {
        return results.get("questions").valueStream().filter(q -> q.get("question").get("id").asString().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void figuresAppearOnlyAfterTheCloseAndNeverForFewerThanKEvenBySubtraction() throws Exception {
        Api api = new Api(port);
        Run run = run();
        String results = run.path() + "/results";
        assertThat(api.get(results, run.organiser().token()).status()).as("not while open").isEqualTo(409);
        api.post(run.path() + "/close", run.organiser().token(), Map.of());
        assertThat(api.get(results, run.member().token()).status()).as("members wait for publication").isEqualTo(409);
        assertThat(api.get(results, run.organiser().token()).status()).as("organisers check first").isEqualTo(200);
        api.post(run.path() + "/publish", run.organiser().token(), Map.of());

        JsonNode overall = api.get(results, run.member().token()).json();
        assertThat(overall.get("turnout").asInt()).isEqualTo(25);
        JsonNode stress = question(overall, run.questions().get(1)).get("rows").get(0);
        assertThat(stress.get("respondents").asInt()).isEqualTo(25);
        assertThat(stress.get("cells").valueStream().mapToInt(c -> c.get("count").asInt()).sum()).isEqualTo(25);
        JsonNode bullying = question(overall, run.questions().get(2));
        assertThat(bullying.get("threshold").asInt()).as("sensitive").isEqualTo(20);
        assertThat(bullying.get("rows").get(0).get("suppressed").asBoolean()).isFalse();
        assertThat(question(overall, run.questions().get(3)).get("rows").get(0).get("mean").asDouble())
                .as("(12 x 6 + 13 x 2) / 25").isEqualTo(3.9);

        JsonNode byJob = api.get(results + "?by=" + run.questions().get(0), run.member().token()).json();
        for (String id : run.questions().subList(1, 4)) {
            JsonNode rows = question(byJob, id).get("rows");
            int k = question(byJob, id).get("threshold").asInt();
            List<Integer> shown = new ArrayList<>();
            for (JsonNode row : rows) {
                if (row.get("suppressed").asBoolean()) {
                    assertThat(row.get("respondents").isNull()).as("a hidden row carries no figure").isTrue();
                    assertThat(row.get("cells").isNull()).isTrue();
                    assertThat(row.get("mean").isNull()).isTrue();
                    assertThat(row.get("reason").asString()).isIn("FEWER_THAN_K", "PROTECTS_ANOTHER");
                } else {
                    shown.add(row.get("respondents").asInt());
                }
            }
            // the attacker: everyone less each shown row, and less all shown rows together
            int everyone = rows.get(0).get("respondents").asInt();
            int rowsTogether = shown.subList(1, shown.size()).stream().mapToInt(Integer::intValue).sum();
            for (int row : shown.subList(1, shown.size())) {
                assertThat(row).isGreaterThanOrEqualTo(k);
                assertThat(everyone - row == 0 || everyone - row >= k).as("everyone less a row").isTrue();
            }
            assertThat(everyone - rowsTogether == 0 || everyone - rowsTogether >= k).as("everyone less the rows")
                    .isTrue();
        }
        JsonNode stressByJob = question(byJob, run.questions().get(1)).get("rows");
        assertThat(stressByJob.get(3).get("reason").asString()).as("the one other").isEqualTo("FEWER_THAN_K");
        assertThat(stressByJob.valueStream().filter(r -> "PROTECTS_ANOTHER".equals(r.get("reason").asString())).count())
                .as("12 nurses or 12 assistants hidden too, or 25 - 24 would give the one other away").isEqualTo(1);
        assertThat(question(byJob, run.questions().get(2)).get("rows").valueStream()
                .filter(r -> !r.get("suppressed").asBoolean()).count()).as("no group of 20 by job").isEqualTo(1);

        String csv = api.get(results + ".csv?by=" + run.questions().get(0), run.member().token()).body();
        assertThat(csv).startsWith("\"question\",\"code\",\"row\",\"respondents\"").contains("Everyone")
                .contains("Hidden: fewer than 11 people")
                .contains("Hidden so that a smaller group cannot be worked out from it");
        assertThat(csv.lines().filter(line -> line.contains("\"Other\",")).toList()).isNotEmpty()
                .allMatch(line -> line.endsWith("people\""));
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(api.request(results
                + ".pdf?by=" + run.questions().get(0), run.member().token()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Results: Conditions 2027").contains("Everyone")
                    .contains("Hidden: fewer than 11 people")
                    .contains("25 people have answered");
        }
        assertThat(api.get(results + "?by=shoe_size", run.member().token()).status()).isEqualTo(400);
        assertThat(api.get(results, fixtures.person("stranger").token()).status()).isEqualTo(404);

        // one question's table: the same figures and the same decision as in the whole survey's
        String stressId = run.questions().get(1);
        JsonNode one = api
                .get(results + "?by=" + run.questions().get(0) + "&question=" + stressId, run.member().token())
                .json();
        assertThat(one.get("questions")).hasSize(1);
        assertThat(one.get("questions").get(0)).isEqualTo(question(byJob, stressId));
        assertThat(one.get("turnout").asInt()).isEqualTo(25);
        JsonNode wrong = api.get(results + "?by=" + run.questions().get(0) + "&question=" + run.questions().get(0),
                run.member().token()).json();
        assertThat(wrong.get("status").asInt()).as("not the question it is broken down by").isEqualTo(400);
        assertThat(wrong.get("errors").get(0).get("field").asString()).isEqualTo("question");
    }

    @Test
    void anOrganiserReadsTheResultsOnThePagesBrokenDownWithHiddenRowsExplained() throws Exception {
        Api api = new Api(port);
        Run run = run();
        api.post(run.path() + "/close", run.organiser().token(), Map.of());
        PageChecks.Visited visited = new PageChecks.Visited();
        Page page = Pages.signedIn(port, run.organiser().email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + run.path().replace("/api/v1", ""));
        page.locator("a[href$='/results']").click();
        assertThat(page.locator("h1")).containsText("Results: Conditions 2027");
        assertThat(page.locator("main")).containsText("Only organisers see these");
        visited.check(page, "results");
        chartsAreColouredAndLabelled(page);
        page.locator("#by").selectOption(run.questions().get(0));
        page.locator("form[method=get] button").click();
        assertThat(page.locator("main")).containsText("Hidden: fewer than 11 people");
        assertThat(page.locator("main")).containsText("Hidden so that a smaller group cannot be worked out from it");
        visited.check(page, "results by job");
        Download csv = page.waitForDownload(() -> page.locator("a[href*='results.csv']").click());
        assertThat(Files.readString(csv.path())).contains("Not stated");
        visited.assertClean();
        page.context().close();
    }

    /**
     * Each bar's parts are told apart by colour, each colour stands at least 4.5:1 against the white page and
     * gaps (and under its white percentage), the legend names every option in the colour of its part, and
     * wide enough parts carry their percentage.
     */
    @SuppressWarnings("unchecked")
    private static void chartsAreColouredAndLabelled(Page page) {
        assertThat(page.locator(".chart").first()).isVisible();
        List<Map<String, Object>> charts = (List<Map<String, Object>>) page.evaluate("""
                () => [...document.querySelectorAll('.chart')].map(chart => {
                  const luminance = colour => {
                    const [r, g, b] = colour.match(/[0-9.]+/g).slice(0, 3).map(v => {
                      const c = Number(v) / 255;
                      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
                    });
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                  };
                  const contrast = colour => 1.05 / (luminance(colour) + 0.05);
                  const legend = [...chart.querySelectorAll('.chart-legend li')].map(li => ({
                    text: li.innerText.trim(), colour: getComputedStyle(li.querySelector('.swatch')).backgroundColor}));
                  const rows = [...chart.querySelectorAll('.chart-bar')].map(bar =>
                    [...bar.querySelectorAll('rect')].map(rect => getComputedStyle(rect).fill));
                  const labels = [...chart.querySelectorAll('.chart-value')].map(t => t.textContent.trim());
                  const fills = rows.flat();
                  return {legend: legend.map(l => l.text), legendColours: legend.map(l => l.colour),
                    firstRow: rows[0] || [], labels: labels,
                    weakest: Math.min(...fills.map(contrast), ...legend.map(l => contrast(l.colour)))};
                })""");
        assertThat(charts).isNotEmpty();
        for (Map<String, Object> chart : charts) {
            List<String> legend = (List<String>) chart.get("legend");
            List<String> firstRow = (List<String>) chart.get("firstRow");
            assertThat(legend).as("a legend names each option").isNotEmpty().doesNotContain("");
            assertThat(firstRow).as("one part per option, each its own colour").hasSameSizeAs(legend)
                    .doesNotHaveDuplicates().doesNotContain("rgb(0, 0, 0)");
            assertThat(firstRow).as("the legend's swatches are the parts' colours")
                    .isEqualTo(chart.get("legendColours"));
            assertThat(((Number) chart.get("weakest")).doubleValue()).as("contrast against white")
                    .isGreaterThanOrEqualTo(4.5);
            assertThat((List<String>) chart.get("labels")).as("parts carry their percentages").isNotEmpty()
                    .allMatch(label -> label.matches("\\d{1,3}%"));
        }
    }

    @Test
    void aSurveyRunAgainComparesWithLastTimeOnBankQuestions() throws Exception {
        Api api = new Api(port);
        Run run = run();
        api.post(run.path() + "/close", run.organiser().token(), Map.of());
        api.post(run.path() + "/publish", run.organiser().token(), Map.of());
        JsonNode copy = api.post(run.path() + "/copy", run.organiser().token(), Map.of()).json();
        String again = run.path().substring(0, run.path().lastIndexOf('/') + 1) + copy.get("id").asString();
        api.post(again + "/open", run.organiser().token(), Map.of("closesOn", LocalDate.now().plusDays(3).toString()));
        List<String> questions = copy.get("questions").valueStream().map(q -> q.get("id").asString()).toList();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> answers = new HashMap<>();
            answers.put(questions.get(1), Map.of("choices", List.of(4)));
            api.post(again + "/responses", api.signIn(run.members().get(i)), Map.of("answers", answers));
        }
        api.post(again + "/close", run.organiser().token(), Map.of());
        JsonNode results = api.get(again + "/results", run.organiser().token()).json();
        assertThat(results.get("previousTitle").asString()).isEqualTo("Conditions 2027");
        JsonNode stress = question(results, questions.get(1));
        assertThat(stress.get("rows").get(0).get("cells").get(4).get("count").asInt()).as("this time").isEqualTo(12);
        assertThat(stress.get("previous").get("respondents").asInt()).as("last time").isEqualTo(25);
        assertThat(question(results, questions.get(0)).get("previous").isNull()).as("not a bank question").isTrue();

        Page page = Pages.signedIn(port, run.organiser().email(), Fixtures.PASSWORD);
        page.navigate(Pages.base(port) + again.replace("/api/v1", "") + "/results");
        assertThat(page.locator("main")).containsText("Last time (Conditions 2027)");
        PageChecks.Visited visited = new PageChecks.Visited();
        visited.check(page, "results with last time");
        visited.assertClean();
        page.context().close();
    }

    /**
     * OWASP's CSV injection: text members typed that a spreadsheet would run as a formula (=, +, -, @ first)
     * comes out quoted and behind a single quote, so that it is shown as text.
     */
    @Test
    void theCsvNeverHandsASpreadsheetAFormula() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "CSV ward " + UUID.randomUUID().toString().substring(0, 6));
        String base = "/api/v1/groups/" + groupId + "/surveys";
        String path = base + "/" + api.post(base, organiser.token(), Map.of("title", "Formulas")).json()
                .get("id").asString();
        String question = api.post(path + "/questions", organiser.token(), Map.of("kind", "SINGLE",
                "text", "=HYPERLINK(\"https://evil.example\",\"Click\")", "options",
                List.of("+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0"))).ok().json().get("questions")
                .get(0).get("id").asString();
        api.post(path + "/open", organiser.token(), Map.of("closesOn", LocalDate.now().plusDays(5).toString())).ok();
        for (int i = 0; i < 12; i++) {
            Person member = fixtures.member(groupId, organiser);
            api.post(path + "/responses", api.signIn(member), Map.of("answers",
                    Map.of(question, Map.of("choices", List.of(i % 3))))).ok();
        }
        api.post(path + "/close", organiser.token(), Map.of()).ok();
        api.post(path + "/publish", organiser.token(), Map.of()).ok();

        String csv = api.get(path + "/results.csv", organiser.token()).ok().body();
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv)).getRecords();
        assertThat(records).isNotEmpty();
        assertThat(records).allSatisfy(record -> assertThat(record.get("question"))
                .isEqualTo("'=HYPERLINK(\"https://evil.example\",\"Click\")"));
        assertThat(records.stream().map(record -> record.get("answer"))).containsExactly("'+1+cmd|' /C calc'!A0",
                "'-2+3", "'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(csv).contains("\"'=HYPERLINK(").contains("\"'+1+cmd").contains("\"'-2+3\"").contains("\"'@SUM(");
        for (String cell : csv.split("[,\\r\\n]")) {
            assertThat(cell).as("no cell starts a formula").doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("-").doesNotStartWith("@");
        }
    }
}
