package org.staffroom.demands;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.support.Api;
import org.staffroom.support.Api.Response;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class DemandsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDemandFromDraftToAWinWithALetterThatNamesOnlyThoseWhoSignedOpenly() throws Exception {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Demand ward " + UUID.randomUUID().toString().substring(0, 6));
        List<Person> members = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person member = fixtures.member(groupId, organiser);
            members.add(member);
            tokens.add(api.signIn(member));
        }
        String organiserToken = api.signIn(organiser);
        String base = "/api/v1/groups/" + groupId + "/demands";
        Map<String, Object> draft = new HashMap<>(Map.of("what", "Pay travel time between visits",
                "reasons", "Up to two hours a day of driving is unpaid.", "addressedTo", "The registered manager",
                "respondBy", LocalDate.now().plusWeeks(2).toString()));
        assertThat(api.post(base, tokens.getFirst(), draft).status()).as("organisers draft").isEqualTo(403);
        Response drafted = api.post(base, organiserToken, draft);
        assertThat(drafted.status()).isEqualTo(201);
        String id = drafted.json().get("id").asString();
        String path = base + "/" + id;
        assertThat(drafted.json().get("ladder").size()).isEqualTo(7);
        assertThat(drafted.json().get("nextStep").asString()).isEqualTo("Meeting with management");

        assertThat(api.post(path + "/support", tokens.get(0), Map.of("openly", true)).json().get("supporters").asInt())
                .as("support never moves the count in its own request").isZero();
        api.post(path + "/support", tokens.get(1), Map.of("openly", false));
        assertThat(api.post(path + "/support", tokens.get(2), Map.of()).json().get("supporters").asInt()).isZero();
        assertThat(api.post(path + "/support", tokens.get(2), Map.of()).status()).as("once").isEqualTo(409);
        assertThat(api.get(path, tokens.get(2)).json().get("supportedByMe").asBoolean()).isTrue();
        assertThat(api.get(path, tokens.get(2)).json().get("signedOpenly")).as("names wait for the release too")
                .isEmpty();
        fixtures.mix();
        assertThat(api.get(path, tokens.get(2)).json().get("supporters").asInt()).as("released once three wait")
                .isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from demands_supporter where demand_id = ? and signed_by is not null")
                .param(UUID.fromString(id)).query(Long.class).single()).as("only open signatures name anyone")
                .isEqualTo(1);

        String text = api.get(path + "/letter.txt", tokens.get(1)).body();
        assertThat(text).contains("3 members of").contains("Pay travel time between visits")
                .contains("Signed by: " + members.get(0).displayName())
                .doesNotContain(members.get(1).displayName()).doesNotContain(members.get(2).displayName());
        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(
                api.request(path + "/letter.pdf", tokens.get(1)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String extracted = new PDFTextStripper().getText(document);
            assertThat(extracted).contains("Pay travel time between visits").contains("3 members")
                    .contains(members.get(0).displayName()).doesNotContain(members.get(1).displayName());
        }

        for (String kind : List.of("AGREED", "SENT", "ACKNOWLEDGED")) {
            assertThat(api.post(path + "/events", organiserToken, Map.of("kind", kind, "detail", "")).json()
                    .get("status").asString()).isEqualTo(kind);
        }
        JsonNode escalated = api.post(path + "/events", organiserToken, Map.of("kind", "ESCALATED", "detail",
                "No reply after two weeks")).json();
        assertThat(escalated.get("step").asInt()).isEqualTo(1);
        assertThat(escalated.get("nextStep").asString()).isEqualTo("Collective grievance");
        assertThat(api.post(path + "/events", tokens.getFirst(), Map.of("kind", "SENT")).status()).isEqualTo(403);
        assertThat(api.post(path + "/events", organiserToken, Map.of("kind", "SHRUGGED")).status()).isEqualTo(400);
        assertThat(api.post(path + "/events", organiserToken, Map.of("kind", "OUTCOME", "outcome", "MAYBE")).status())
                .isEqualTo(400);
        api.post(path + "/events", organiserToken,
                Map.of("kind", "RESPONSE", "detail", "Travel time will be paid from April."));
        JsonNode won = api.post(path + "/events", organiserToken, Map.of("kind", "OUTCOME", "outcome", "MET")).json();
        assertThat(won.get("status").asString()).isEqualTo("CLOSED");
        assertThat(won.get("timeline").valueStream().map(e -> e.get("kind").asString()))
                .containsExactly("AGREED", "SENT", "ACKNOWLEDGED", "ESCALATED", "RESPONSE", "OUTCOME");
        assertThat(api.get(base, tokens.getFirst()).json().get(0).get("outcome").asString()).isEqualTo("MET");
        assertThat(api.get(path, fixtures.person("stranger").token()).status()).isEqualTo(404);

        assertThat(
                api.put("/api/v1/groups/" + groupId + "/ladder", organiserToken, Map.of("steps", List.of("Only one")))
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/groups/" + groupId + "/ladder", organiserToken,
                Map.of("steps", List.of("Ask nicely", "Ask together", "Go to the union"))).json().get("steps").size())
                .isEqualTo(3);
    }

    @Test
    void aDecisionBacksAnAgreementAMandateAndAStepUpTheLadderOnlyOnceVotingHasClosed() {
        Api api = new Api(port);
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Mandate ward " + UUID.randomUUID().toString().substring(0, 6));
        String member = api.signIn(fixtures.member(groupId, organiser));
        String organiserToken = api.signIn(organiser);
        String base = "/api/v1/groups/" + groupId;
        Map<String, Object> draft = Map.of("what", "No extra caseloads", "reasons", "We are full.",
                "addressedTo", "The team manager");
        assertThat(api.post(base + "/demands", organiserToken, withGrievance(draft, UUID.randomUUID())).status())
                .as("a grievance of this group or none").isEqualTo(400);
        String path = base + "/demands/"
                + api.post(base + "/demands", organiserToken, draft).json().get("id").asString();
        String proposal = api.post(base + "/proposals", member, Map.of("title", "Refuse extra caseloads together",
                "kind", "YES_NO", "closesAt", java.time.LocalDateTime.now().plusDays(1).withNano(0).toString()))
                .json().get("id").asString();
        api.post(base + "/proposals/" + proposal + "/ballots", member, Map.of("answer", "YES"));

        Map<String, Object> mandate = Map.of("kind", "MANDATE", "proposalId", proposal, "detail", "Say no as one");
        assertThat(api.post(path + "/events", organiserToken, mandate).status()).as("still voting").isEqualTo(409);
        assertThat(api.post(path + "/events", organiserToken, Map.of("kind", "MANDATE")).status())
                .as("a mandate needs its decision").isEqualTo(400);
        assertThat(api.post(path + "/events", organiserToken, Map.of("kind", "MANDATE", "proposalId",
                UUID.randomUUID().toString())).status()).as("another group's or no proposal").isEqualTo(404);
        api.post(base + "/proposals/" + proposal + "/close", organiserToken, Map.of());
        assertThat(api.post(path + "/events", organiserToken, Map.of("kind", "SENT", "proposalId", proposal)).status())
                .as("a decision backs agreements, mandates and escalations only").isEqualTo(400);

        JsonNode mandated = api.post(path + "/events", organiserToken, mandate).json();
        assertThat(mandated.get("status").asString()).as("a mandate agrees a draft").isEqualTo("AGREED");
        assertThat(mandated.get("mandates").size()).isEqualTo(1);
        assertThat(mandated.get("mandates").get(0).get("decision").get("title").asString())
                .isEqualTo("Refuse extra caseloads together");
        JsonNode escalated = api.post(path + "/events", organiserToken, Map.of("kind", "ESCALATED", "proposalId",
                proposal)).json();
        assertThat(escalated.get("timeline").get(1).get("decision").get("id").asString()).isEqualTo(proposal);
        assertThat(api.get(path, member).json().get("mandates").size()).as("members see the mandate").isEqualTo(1);
    }

    private static Map<String, Object> withGrievance(Map<String, Object> draft, UUID grievanceId) {
        Map<String, Object> copy = new HashMap<>(draft);
        copy.put("grievanceId", grievanceId.toString());
        return copy;
    }
}
