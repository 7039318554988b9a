package org.staffroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;

/**
 * Someone watching what the group sees (a colleague, an organiser) refreshes after every anonymous act: no
 * count, list or conversation they can see may change in the request that made the act — only when the mixing
 * job releases a batch — or the moment of the change would point at whoever was online.
 */
@IntegrationTest
class LiveCountsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void nothingAWatcherSeesMovesInTheRequestOfAnAnonymousAct() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Watch ward " + UUID.randomUUID().toString().substring(0, 6));
        String g = "/api/v1/groups/" + groupId;
        String organiserToken = api.signIn(organiser);
        Person watcher = fixtures.member(groupId, organiser);
        String watcherToken = api.signIn(watcher);
        WebSession watcherPages = WebSession.signedIn(port, watcher.email(), Fixtures.PASSWORD);
        List<String> actors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            actors.add(api.signIn(fixtures.member(groupId, organiser)));
        }

        String concern = id(
                api.post(g + "/concerns", organiserToken, Map.of("title", "No breaks", "details", "Every late",
                        "category", "STAFFING_AND_WORKLOAD", "affected", "", "anonymous", false)));
        String grievance = id(api.post(g + "/concerns/" + concern + "/grievance", organiserToken, Map.of()));
        String proposal = id(api.post(g + "/proposals", organiserToken, new HashMap<>(Map.of("title", "Strike?",
                "details", "", "kind", "YES_NO", "secret", true, "resultsLive", false,
                "closesAt", LocalDateTime.now().plusDays(2).withNano(0).toString()))));
        String demand = id(api.post(g + "/demands", organiserToken, Map.of("what", "Breaks", "reasons", "Law",
                "addressedTo", "Manager")));
        String surveys = g + "/surveys";
        String survey = surveys + "/" + id(api.post(surveys, organiserToken, Map.of("title", "Breaks")));
        api.post(survey + "/questions", organiserToken, Map.of("code", "stress"));
        api.post(survey + "/open", organiserToken, Map.of("closesOn", LocalDate.now().plusDays(10).toString()));
        String question = api.get(survey, organiserToken).json().get("questions").get(0).get("id").asString();
        String receipt = api.post(g + "/concerns", actors.get(3), Map.of("title", "Quiet worry", "details", "It is me",
                "category", "OTHER", "affected", "", "anonymous", true)).json().get("receipt").asString();
        String changed = api.post(g + "/concerns", actors.get(2), Map.of("title", "Second worry", "details", "Me too",
                "category", "OTHER", "affected", "", "anonymous", true)).json().get("receipt").asString();
        fixtures.release();

        Watcher watching = new Watcher(api, watcherPages, g, watcherToken, organiserToken, concern, grievance,
                proposal, demand, survey.replace("/api/v1", ""));
        Map<String, Runnable> acts = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String actor = actors.get(i);
            boolean anonymous = i % 2 == 0;
            acts.put("co-signature " + i, () -> api.post(g + "/concerns/" + concern + "/cosign", actor,
                    Map.of("anonymous", anonymous)).ok());
            acts.put("secret ballot " + i, () -> api.post(g + "/proposals/" + proposal + "/ballots", actor,
                    Map.of("answer", "YES")).ok());
            acts.put("support " + i, () -> api.post(g + "/demands/" + demand + "/support", actor,
                    Map.of("openly", !anonymous)).ok());
            acts.put("survey answer " + i, () -> api.post(survey + "/responses", actor,
                    Map.of("answers", Map.of(question, Map.of("choices", List.of(1))))).ok());
        }
        acts.put("anonymous concern", () -> api.post(g + "/concerns", actors.get(0), Map.of("title", "Another worry",
                "details", "Mine", "category", "OTHER", "affected", "", "anonymous", true)).ok());
        acts.put("anonymous comment", () -> api.post(g + "/concerns/" + concern + "/comments", actors.get(1),
                Map.of("text", "Me too", "anonymous", true)).ok());
        acts.put("anonymous information", () -> api.post(g + "/grievances/" + grievance + "/information",
                actors.get(2), Map.of("kind", "EVIDENCE", "text", "Rota photo", "link", "", "anonymous", true)).ok());
        acts.put("message through a receipt", () -> api.post("/api/v1/receipts/messages", null,
                Map.of("receipt", receipt, "text", "Thank you")).ok());
        acts.put("edit through a receipt", () -> api.post("/api/v1/receipts/edit", null, Map.of("receipt", changed,
                "title", "Second worry, edited", "details", "Me too", "category", "OTHER", "affected", "")).ok());
        acts.put("withdrawal through a receipt", () -> api.post("/api/v1/receipts/withdraw", null,
                Map.of("receipt", changed)).ok());

        Map<String, String> first = watching.look();
        for (Map.Entry<String, Runnable> act : acts.entrySet()) {
            Map<String, String> before = watching.look();
            act.getValue().run();
            assertThat(watching.look()).as("what a watcher sees after " + act.getKey()).isEqualTo(before);
        }
        fixtures.release();
        Map<String, String> after = watching.look();
        assertThat(after.keySet()).allSatisfy(what -> assertThat(after.get(what)).as("the job releases: " + what)
                .isNotEqualTo(first.get(what)));
    }

    /** What the watcher (and, for the private conversation, the organiser) sees, by what it is. */
    record Watcher(Api api, WebSession pages, String g, String token, String organiserToken, String concern,
            String grievance, String proposal, String demand, String surveyPage) {

        Map<String, String> look() {
            Map<String, String> seen = new LinkedHashMap<>();
            seen.put("concerns", api.get(g + "/concerns", token).json().get("concerns").toString());
            var concernView = api.get(g + "/concerns/" + concern, token).json();
            seen.put("co-signatures", concernView.get("cosignCount") + " " + concernView.get("namedCosigners"));
            seen.put("comments", api.get(g + "/concerns/" + concern + "/comments", token).body());
            seen.put("information", api.get(g + "/grievances/" + grievance, token).json().get("information").toString()
                    + api.get(g + "/grievances/" + grievance, token).json().get("timeline"));
            seen.put("turnout", api.get(g + "/proposals", token).json().toString()
                    + api.get(g + "/proposals/" + proposal, token).json().get("turnout"));
            var demandView = api.get(g + "/demands/" + demand, token).json();
            seen.put("support", api.get(g + "/demands", token).json().toString() + demandView.get("supporters")
                    + demandView.get("signedOpenly"));
            Matcher turnout = Pattern.compile("(Nobody has answered yet|\\d+ (people have|person has) answered)")
                    .matcher(pages.get(surveyPage).body());
            seen.put("survey turnout", turnout.find() ? turnout.group() : "none shown");
            seen.put("organisers' conversations", api.get(g + "/concerns", organiserToken).json().get("concerns")
                    .valueStream().map(c -> api.get(g + "/concerns/" + c.get("id").asString(), organiserToken).json()
                            .get("conversation").toString())
                    .toList().toString());
            return seen;
        }
    }

    private static String id(Api.Response response) {
        response.ok();
        return response.json().get("id").asString();
    }
}
