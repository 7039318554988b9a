package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.concerns.ConcernDraft;
import org.staffroom.concerns.ConcernRaising;
import org.staffroom.decisions.Proposals;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.WebSession;
import org.staffroom.surveys.Scope;
import org.staffroom.surveys.SurveyQuestions;
import org.staffroom.surveys.Surveys;

/**
 * Every form that acts under the member's anonymous tag, sent from a session whose signing secret is locked
 * (as after a passkey sign-in): nothing is done, and the member is sent to confirm their password, then back
 * to the page the form was on.
 */
@IntegrationTest
class LockedSecretTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ConcernRaising raising;

    @Autowired
    AnonymousTags tags;

    @Autowired
    Surveys surveys;

    @Autowired
    SurveyQuestions questions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Proposals proposals;

    @Test
    void eachActUnderATagAsksForThePasswordAndComesBackToItsPage() {
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Locked ward " + UUID.randomUUID().toString().substring(0, 6));
        Person member = fixtures.member(groupId, organiser);
        String group = "/groups/" + groupId;
        UUID concern = tags.actingAs(organiser.id(), Fixtures.PASSWORD, () -> raising.raise(organiser.id(), groupId,
                new ConcernDraft("Breaks missed", "Nobody gets a break on nights.", "STAFFING_AND_WORKLOAD", "",
                        false)))
                .concernId();
        UUID demand = fixtures.demand(organiser, groupId, "Paid breaks");
        // a secret ballot: an open one names the voter and needs no tag
        UUID proposal = proposals.propose(organiser.id(), groupId, new Proposals.Draft("Take breaks together", "",
                "YES_NO", "SIMPLE", null, 0, true, false, LocalDateTime.now().plusDays(2).withNano(0).toString(),
                List.of(), null));
        Scope scope = new Scope.Group(groupId);
        UUID survey = surveys.create(organiser.id(), scope, new Surveys.Draft("Breaks survey", ""));
        questions.addFromBank(organiser.id(), scope, survey, "stress");
        surveys.open(organiser.id(), scope, survey, LocalDate.now().plusDays(3).toString());

        WebSession session = WebSession.signedIn(port, member.email(), Fixtures.PASSWORD);
        session.get(group);
        session.forget("SR_UNLOCK");
        Map<String, Map<String, String>> forms = Map.of(
                group + "/concerns", Map.of("title", "Unsafe lifting", "details", "No hoist on the ward.",
                        "category", "HEALTH_AND_SAFETY", "affected", "", "anonymous", "true"),
                group + "/concerns/" + concern + "/cosign", Map.of("anonymous", "true"),
                group + "/demands/" + demand + "/support", Map.of("openly", "false"),
                group + "/proposals/" + proposal + "/ballots", Map.of("answer", "YES"),
                group + "/surveys/" + survey + "/responses", Map.of());
        Map<String, String> comesBackTo = Map.of(
                group + "/concerns", group + "/concerns/new",
                group + "/concerns/" + concern + "/cosign", group + "/concerns/" + concern,
                group + "/demands/" + demand + "/support", group + "/demands/" + demand,
                group + "/proposals/" + proposal + "/ballots", group + "/proposals/" + proposal,
                group + "/surveys/" + survey + "/responses", group + "/surveys/" + survey);
        forms.forEach((action, form) -> {
            WebSession.Page sent = session.post(action, form);
            assertThat(sent.status()).as(action).isEqualTo(302);
            assertThat(sent.location()).as(action).endsWith("/account/unlock?then=" + comesBackTo.get(action));
        });
        // through the API, with a token made before the secret was ever unlocked, the same refusal is a 403
        Api.Response api = new Api(port).post("/api/v1" + group + "/concerns/" + concern + "/cosign", member.token(),
                Map.of("anonymous", true));
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        // and nothing was done
        assertThat(count("select count(*) from concerns_concern where group_id = ?", groupId)
                + count("select count(*) from concerns_waiting where group_id = ?", groupId)).isEqualTo(1);
        assertThat(count("select count(*) from concerns_cosign where concern_id = ?", concern)).isZero();
        assertThat(count("select count(*) from demands_supporter where demand_id = ?", demand)).isZero();
        assertThat(count("select count(*) from decisions_ballot where proposal_id = ?", proposal)).isZero();
        assertThat(count("select count(*) from surveys_participant where survey_id = ?", survey)).isZero();
    }

    long count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}
