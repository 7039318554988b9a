package org.staffroom.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.demo.DemoSurveys;
import org.staffroom.groups.Networks;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * A viewer who wants to know what a few respondents answered. It gathers every figure every kind of viewer of
 * a published network survey receives — the coordinator, and a member of each group; every question, alone
 * and broken down by each breakdown question; from the JSON API, the CSV and the results page, which must
 * agree — and hands them, with the size of every joint cell of the breakdowns, to {@link Attacker}, which
 * solves the linear programs itself. Cases: the demo's network survey (where a member of the home care group
 * could work out its two managers' answers under the rule before the audit) and generated networks with
 * empty cells, a breakdown answer held by one group only, and a group that holds all of a row.
 */
@IntegrationTest
class DisclosureAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Networks networks;

    /** A question of the survey, as the attacker models it. */
    record Asked(String id, String text, Attacker.Kind kind, List<String> options, int min, int max,
            boolean breakdown) {
    }

    /** One respondent: group index, and answer by question id (an option, the number; missing: not answered). */
    record Answers(int group, Map<String, Integer> given) {
    }

    /** A network survey run, with who answered what, and a viewer in each group. */
    record Run(UUID networkId, String id, Person coordinator, List<UUID> groups, List<String> names,
            List<Person> viewers, List<Asked> questions, List<Answers> respondents) {
    }

    @Test
    void theDemosPublishedNetworkSurveyGivesNobodyAway() {
        Api api = new Api(port);
        Network network = network("Demo", DemoSurveys.MENTAL_HEALTH_RESPONDENTS, DemoSurveys.HOME_CARE_RESPONDENTS);
        List<Answers> respondents = new ArrayList<>();
        for (int i = 0; i < DemoSurveys.MENTAL_HEALTH_RESPONDENTS + DemoSurveys.HOME_CARE_RESPONDENTS; i++) {
            boolean homeCare = i >= DemoSurveys.MENTAL_HEALTH_RESPONDENTS;
            respondents.add(new Answers(homeCare ? 1 : 0, new HashMap<>((homeCare
                    ? DemoSurveys.NetworkAnswers.homeCare(i - DemoSurveys.MENTAL_HEALTH_RESPONDENTS)
                    : DemoSurveys.NetworkAnswers.mentalHealth(i)).byCode())));
        }
        Run run = run(api, network, "Working conditions", DemoSurveys.NETWORK_QUESTIONS.stream()
                .map(code -> (Object) Map.of("code", code)).toList(), respondents);

        assertThat(attack(api, run)).as("breakdown rows shown and hidden, as the demo shows them").satisfies(
                rows -> assertThat(rows[0]).isPositive(), rows -> assertThat(rows[1]).isPositive());
    }

    @Test
    void generatedNetworkSurveysGiveNobodyAway() {
        Api api = new Api(port);
        Network network = network("Generated", 40, 27, 12, 5);
        Random random = new Random(15);
        List<Object> questions = List.of(
                Map.of("kind", "SINGLE", "text", "Your job?", "options",
                        List.of("Nurse", "Assistant", "Manager", "Porter"),
                        "breakdown", true),
                Map.of("kind", "SINGLE", "text", "Your contract?", "options", List.of("Permanent", "Bank", "Agency"),
                        "breakdown", true),
                Map.of("kind", "SINGLE", "text", "How often are you short-staffed?", "options",
                        List.of("Never", "Sometimes", "Often")),
                Map.of("kind", "SEVERAL", "text", "What would help?", "options", List.of("Pay", "Staff", "Training")),
                Map.of("kind", "NUMBER", "text", "Unpaid hours last week?", "min", 0, "max", 10),
                Map.of("kind", "SINGLE", "text", "Bullied by a manager this year?", "options", List.of("No", "Yes"),
                        "sensitive", true));
        for (int survey = 0; survey < 3; survey++) {
            List<Answers> respondents = new ArrayList<>();
            for (int g = 0; g < network.members().size(); g++) {
                int answering = network.members().get(g).size()
                        - random.nextInt(1 + network.members().get(g).size() / 3);
                for (int n = 0; n < answering; n++) {
                    respondents.add(new Answers(g, generated(random, g)));
                }
            }
            int[] rows = attack(api, run(api, network, "Generated survey " + survey, questions, respondents));
            assertThat(rows[0]).as("breakdown rows shown: the attack has something to work on").isPositive();
        }
    }

    /**
     * Answers skewed to the first options; no porters at all; managers only in the first group; agency
     * contracts only in the second, which so holds all of that row; a breakdown now and then not stated.
     */
    private static Map<String, Integer> generated(Random random, int group) {
        Map<String, Integer> given = new HashMap<>();
        if (random.nextInt(12) > 0) {
            int job = (int) (3 * Math.pow(random.nextDouble(), 2));
            given.put("Your job?", job == 2 && group != 0 ? 0 : job);
        }
        if (random.nextInt(12) > 0) {
            int contract = group == 1 && random.nextInt(4) == 0 ? 2 : random.nextInt(3) == 0 ? 1 : 0;
            given.put("Your contract?", contract);
        }
        given.put("How often are you short-staffed?", (int) (3 * Math.pow(random.nextDouble(), 1.5)));
        given.put("What would help?", random.nextInt(7));
        given.put("Unpaid hours last week?", random.nextInt(11));
        given.put("Bullied by a manager this year?", random.nextInt(5) == 0 ? 1 : 0);
        return given;
    }

    /** A network of groups of these sizes, each member signed in through the API (their tokens unlock their tags). */
    record Network(UUID id, Person coordinator, List<UUID> groups, List<String> names, List<List<String>> members,
            List<Person> viewers) {
    }

    private Network network(String name, int... sizes) {
        Api api = new Api(port);
        Person coordinator = fixtures.person("coordinator");
        UUID networkId = fixtures.network(coordinator, name);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<UUID> groups = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        List<Person> viewers = new ArrayList<>();
        for (int g = 0; g < sizes.length; g++) {
            Person organiser = fixtures.person("organiser");
            String groupName = name + " group " + g + " " + suffix;
            UUID group = fixtures.group(organiser, groupName);
            networks.join(organiser.id(), group, networkId);
            List<String> tokens = new ArrayList<>();
            for (int n = 0; n < sizes[g]; n++) {
                Person member = fixtures.member(group, organiser);
                tokens.add(api.signIn(member));
                if (n == 0) {
                    viewers.add(member);
                }
            }
            groups.add(group);
            names.add(groupName);
            members.add(tokens);
        }
        return new Network(networkId, coordinator, groups, names, members, viewers);
    }

    /** Builds, opens, answers, closes and publishes a network survey. */
    private Run run(Api api, Network network, String title, List<Object> questions, List<Answers> respondents) {
        String base = "/api/v1/networks/" + network.id() + "/surveys";
        String id = api.post(base, network.coordinator().token(), Map.of("title", title)).json().get("id").asString();
        JsonNode survey = null;
        for (Object question : questions) {
            survey = api.post(base + "/" + id + "/questions", network.coordinator().token(), question).json();
        }
        List<Asked> asked = new ArrayList<>();
        for (JsonNode q : survey.get("questions")) {
            Attacker.Kind kind = switch (q.get("kind").asString()) {
                case "SEVERAL" -> Attacker.Kind.ANY;
                case "NUMBER" -> Attacker.Kind.NUMBER;
                default -> Attacker.Kind.ONE;
            };
            List<String> options = q.get("options").valueStream().map(JsonNode::asString).toList();
            asked.add(new Asked(q.get("id").asString(), q.get("text").asString(), kind, options,
                    q.get("min").isNull() ? 0 : q.get("min").asInt(), q.get("max").isNull() ? 0 : q.get("max").asInt(),
                    q.get("breakdown").asBoolean()));
        }
        api.post(base + "/" + id + "/open", network.coordinator().token(),
                Map.of("closesOn", LocalDate.now().plusDays(3).toString()));
        // answers keyed by question code (the demo) or text (generated): keyed by id from here on
        List<Answers> byId = new ArrayList<>();
        int[] next = new int[network.groups().size()];
        for (Answers respondent : respondents) {
            Map<String, Integer> given = new HashMap<>();
            Map<String, Object> body = new HashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                Asked q = asked.get(i);
                Integer answer = respondent.given().get(survey.get("questions").get(i).get("code").isNull() ? q.text()
                        : survey.get("questions").get(i).get("code").asString());
                if (answer == null) {
                    continue;
                }
                given.put(q.id(), answer);
                body.put(q.id(), switch (q.kind()) {
                    case NUMBER -> Map.of("number", answer);
                    // "choose any": the answer's bits are the options chosen, one at least
                    case ANY -> Map.of("choices", java.util.stream.IntStream.range(0, q.options().size())
                            .filter(o -> ((answer + 1) >> o & 1) == 1).boxed().toList());
                    case ONE -> Map.of("choices", List.of(answer));
                });
            }
            String token = network.members().get(respondent.group()).get(next[respondent.group()]++);
            assertThat(api.post("/api/v1/groups/" + network.groups().get(respondent.group()) + "/surveys/" + id
                    + "/responses", token, Map.of("answers", body)).status()).isEqualTo(201);
            byId.add(new Answers(respondent.group(), given));
        }
        api.post(base + "/" + id + "/close", network.coordinator().token(), Map.of());
        api.post(base + "/" + id + "/publish", network.coordinator().token(), Map.of());
        return new Run(network.id(), id, network.coordinator(), network.groups(), network.names(), network.viewers(),
                asked, byId);
    }

    /**
     * Everything every viewer receives, checked to agree, then the attacker's linear programs over it; returns
     * how many breakdown rows were shown and how many hidden.
     */
    private int[] attack(Api api, Run run) {
        Map<String, Map<List<Integer>, Attacker.Received>> received = new LinkedHashMap<>();
        Map<String, Integer> thresholds = new HashMap<>();
        List<Asked> breakdowns = run.questions().stream().filter(Asked::breakdown).toList();
        List<String> bys = new ArrayList<>();
        bys.add(null);
        breakdowns.forEach(b -> bys.add(b.id()));
        List<String[]> viewers = new ArrayList<>();
        viewers.add(
                new String[] {"/networks/" + run.networkId(), run.coordinator().token(), run.coordinator().email()});
        for (int g = 0; g < run.groups().size(); g++) {
            viewers.add(new String[] {"/groups/" + run.groups().get(g), api.signIn(run.viewers().get(g)),
                    run.viewers().get(g).email()});
        }
        for (String[] viewer : viewers) {
            WebSession browser = WebSession.signedIn(port, viewer[2], Fixtures.PASSWORD);
            for (String by : bys) {
                String path = viewer[0] + "/surveys/" + run.id() + "/results" + (by == null ? "" : "?by=" + by);
                String csvPath = viewer[0] + "/surveys/" + run.id() + "/results.csv" + (by == null ? "" : "?by=" + by);
                JsonNode json = api.get("/api/v1" + path, viewer[1]).json();
                Map<String, Map<List<Integer>, Attacker.Received>> fromJson = fromJson(run, json, by);
                assertThat(comparable(fromCsv(run, api.get("/api/v1" + csvPath, viewer[1]).body(), by)))
                        .as("the CSV holds exactly the JSON's figures").isEqualTo(comparable(fromJson));
                assertThat(comparable(fromPage(run, browser.get(path).body(), by)))
                        .as("the page shows exactly the JSON's figures").isEqualTo(comparable(fromJson));
                json.get("questions").forEach(q -> thresholds.put(q.get("question").get("id").asString(),
                        q.get("threshold").asInt()));
                fromJson.forEach((question, figures) -> figures.forEach((key, figure) -> {
                    Attacker.Received before = received.computeIfAbsent(question, q -> new LinkedHashMap<>())
                            .putIfAbsent(key, figure);
                    assertThat(before == null || same(before, figure)).as("every viewer sees the same figure %s", key)
                            .isTrue();
                }));
            }
        }
        List<String> findings = new ArrayList<>();
        for (Asked question : run.questions()) {
            List<Asked> others = breakdowns.stream().filter(b -> !b.id().equals(question.id())).toList();
            List<int[]> cells = new ArrayList<>();
            for (Answers respondent : run.respondents()) {
                if (respondent.given().containsKey(question.id())) {
                    int[] cell = new int[others.size() + 1];
                    cell[0] = respondent.group();
                    for (int b = 0; b < others.size(); b++) {
                        cell[b + 1] = respondent.given().getOrDefault(others.get(b).id(), -1);
                    }
                    cells.add(cell);
                }
            }
            Attacker attacker = new Attacker(question.kind(), question.options().size(), question.min(), question.max(),
                    thresholds.get(question.id()), Attacker.Cell.of(cells), received.get(question.id()).values());
            attacker.findings().forEach(finding -> findings.add(question.text() + ": " + finding));
        }
        assertThat(findings).as("what the attacker narrowed").isEmpty();
        int[] rows = new int[2];
        received.values().forEach(figures -> figures.values().stream().filter(r -> r.by() > 0)
                .forEach(r -> rows[r.shown() ? 0 : 1]++));
        return rows;
    }

    private static Map<String, Map<List<Integer>, String>> comparable(
            Map<String, Map<List<Integer>, Attacker.Received>> figures) {
        Map<String, Map<List<Integer>, String>> comparable = new LinkedHashMap<>();
        figures.forEach((question, ofQuestion) -> ofQuestion.forEach((key, r) -> comparable
                .computeIfAbsent(question, q -> new LinkedHashMap<>()).put(key, r.shown() + " " + r.respondents() + " "
                        + java.util.Arrays.toString(r.chosen()) + " " + r.mean())));
        return comparable;
    }

    private static boolean same(Attacker.Received a, Attacker.Received b) {
        return a.shown() == b.shown() && a.respondents() == b.respondents() && java.util.Arrays.equals(a.chosen(),
                b.chosen()) && java.util.Objects.equals(a.mean(), b.mean());
    }

    /** A figure's key: group index (-1: the whole network), breakdown (0: everyone, else its number), item. */
    private static List<Integer> key(Run run, Asked question, String by, String group, String kind, String label) {
        int part = group == null ? -1 : run.names().indexOf(group);
        if (kind.equals("EVERYONE")) {
            return List.of(part, 0, 0);
        }
        List<Asked> others = run.questions().stream().filter(q -> q.breakdown() && !q.id().equals(question.id()))
                .toList();
        Asked breakdown = others.stream().filter(b -> b.id().equals(by)).findFirst().orElseThrow();
        return List.of(part, others.indexOf(breakdown) + 1,
                kind.equals("NOT_STATED") ? -1 : breakdown.options().indexOf(label));
    }

    private static Asked asked(Run run, String id) {
        return run.questions().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    private Map<String, Map<List<Integer>, Attacker.Received>> fromJson(Run run, JsonNode json, String by) {
        Map<String, Map<List<Integer>, Attacker.Received>> figures = new LinkedHashMap<>();
        for (JsonNode result : json.get("questions")) {
            Asked question = asked(run, result.get("question").get("id").asString());
            Map<List<Integer>, Attacker.Received> ofQuestion = figures.computeIfAbsent(question.id(),
                    q -> new LinkedHashMap<>());
            for (JsonNode row : result.get("rows")) {
                List<Integer> key = key(run, question, by,
                        row.get("group").isNull() ? null : row.get("group").asString(),
                        row.get("kind").asString(), row.get("label").isNull() ? null : row.get("label").asString());
                boolean suppressed = row.get("suppressed").asBoolean();
                ofQuestion.put(key, new Attacker.Received(key.get(0), key.get(1), key.get(2), !suppressed,
                        suppressed ? 0 : row.get("respondents").asLong(), suppressed ? null
                                : row.get("cells").valueStream().mapToLong(c -> c.get("count").asLong()).toArray(),
                        suppressed || row.get("mean").isNull() ? null : row.get("mean").asDouble()));
            }
        }
        return figures;
    }

    private Map<String, Map<List<Integer>, Attacker.Received>> fromCsv(Run run, String csv, String by) {
        Map<String, Map<List<Integer>, Attacker.Received>> figures = new LinkedHashMap<>();
        Map<List<Object>, List<CSVRecord>> rows = new LinkedHashMap<>();
        try {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv))) {
                rows.computeIfAbsent(List.of(record.get(0), record.get(2)), r -> new ArrayList<>()).add(record);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        rows.forEach((row, records) -> {
            Asked question = run.questions().stream().filter(q -> q.text().equals(row.get(0))).findFirst()
                    .orElseThrow();
            String[] groupAndLabel = groupAndLabel(run, (String) row.get(1));
            List<Integer> key = key(run, question, by, groupAndLabel[0], kind(groupAndLabel[1]), groupAndLabel[1]);
            CSVRecord first = records.getFirst();
            boolean suppressed = first.get(8).equals("yes");
            figures.computeIfAbsent(question.id(), q -> new LinkedHashMap<>()).put(key,
                    new Attacker.Received(key.get(0),
                            key.get(1), key.get(2), !suppressed, suppressed ? 0 : Long.parseLong(first.get(3)),
                            suppressed ? null : question.kind() == Attacker.Kind.NUMBER ? new long[0]
                                    : records.stream().mapToLong(r -> Long.parseLong(r.get(5))).toArray(),
                            suppressed || first.get(7).isEmpty() ? null : Double.valueOf(first.get(7))));
        });
        return figures;
    }

    private static final Pattern SECTION = Pattern.compile("<section.*?<h2[^>]*>(.*?)</h2>(.*?)</section>",
            Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr>\\s*<th scope=\"row\">(.*?)</th>(.*?)</tr>",
            Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern COUNT = Pattern.compile("\\((\\d+)\\)");

    private Map<String, Map<List<Integer>, Attacker.Received>> fromPage(Run run, String html, String by) {
        Map<String, Map<List<Integer>, Attacker.Received>> figures = new LinkedHashMap<>();
        Matcher section = SECTION.matcher(html);
        while (section.find()) {
            String text = unescape(section.group(1));
            Asked question = run.questions().stream().filter(q -> q.text().equals(text)).findFirst().orElseThrow();
            Matcher row = ROW.matcher(section.group(2));
            while (row.find()) {
                String[] groupAndLabel = groupAndLabel(run, unescape(row.group(1)));
                List<Integer> key = key(run, question, by, groupAndLabel[0], kind(groupAndLabel[1]), groupAndLabel[1]);
                List<String> cells = new ArrayList<>();
                Matcher cell = CELL.matcher(row.group(2));
                while (cell.find()) {
                    cells.add(unescape(cell.group(1)).strip());
                }
                boolean suppressed = cells.size() == 1 && cells.getFirst().startsWith("Hidden");
                boolean number = question.kind() == Attacker.Kind.NUMBER;
                figures.computeIfAbsent(question.id(), q -> new LinkedHashMap<>()).put(key, new Attacker.Received(
                        key.get(0), key.get(1), key.get(2), !suppressed,
                        suppressed ? 0 : Long.parseLong(cells.getFirst()),
                        suppressed ? null
                                : number ? new long[0] : cells.subList(1, cells.size()).stream().mapToLong(c -> {
                                    Matcher count = COUNT.matcher(c);
                                    assertThat(count.find()).as(c).isTrue();
                                    return Long.parseLong(count.group(1));
                                }).toArray(),
                        suppressed || !number ? null : Double.valueOf(cells.get(1))));
            }
        }
        return figures;
    }

    private static String kind(String label) {
        return label.equals("Everyone") ? "EVERYONE" : label.equals("Not stated") ? "NOT_STATED" : "ANSWER";
    }

    /** "Group name: label" or "label". */
    private static String[] groupAndLabel(Run run, String row) {
        for (String name : run.names()) {
            if (row.startsWith(name + ": ")) {
                return new String[] {name, row.substring(name.length() + 2)};
            }
        }
        return new String[] {null, row};
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
