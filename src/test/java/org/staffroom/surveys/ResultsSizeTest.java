package org.staffroom.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.staffroom.groups.Networks;
import org.staffroom.shared.DomainException;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

/**
 * A network survey broken down by a question holds every group's rows for every question: past a number of
 * groups the whole survey is refused at once on the API (a 400 that says to choose a question, not an
 * exhausted heap) and shown a question at a time on the page. Here the limit is one group, and the network
 * has two.
 */
@IntegrationTest
class ResultsSizeTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Networks networks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Autowired
    Counts counts;

    @Autowired
    Releases releases;

    @Autowired
    Results results;

    @Test
    void theWholeSurveyBrokenDownForManyGroupsIsAQuestionAtATime() {
        Api api = new Api(port);
        Person coordinator = fixtures.person("coordinator");
        UUID networkId = fixtures.network(coordinator, "Big network");
        for (int g = 0; g < 2; g++) {
            Person organiser = fixtures.person("organiser");
            networks.join(organiser.id(), fixtures.group(organiser, "Group " + g + " " + UUID.randomUUID()), networkId);
        }
        String survey = "/api/v1/networks/" + networkId + "/surveys";
        survey += "/"
                + api.post(survey, coordinator.token(), Map.of("title", "Conditions")).json().get("id").asString();
        String job = api.post(survey + "/questions", coordinator.token(), Map.of("kind", "SINGLE", "text", "Your job?",
                "options", List.of("Nurse", "Assistant"), "breakdown", true)).json().get("questions").get(0).get("id")
                .asString();
        api.post(survey + "/questions", coordinator.token(), Map.of("code", "stress"));
        api.post(survey + "/questions", coordinator.token(), Map.of("code", "unpaid_hours"));
        api.post(survey + "/open", coordinator.token(), Map.of("closesOn", LocalDate.now().plusDays(7).toString()));
        api.post(survey + "/close", coordinator.token(), Map.of());
        UUID surveyId = UUID.fromString(survey.substring(survey.lastIndexOf('/') + 1));
        Scope scope = new Scope.Network(networkId);
        Results oneGroupAtMost = new Results(jdbc, surveys, counts, networks, releases, 1);

        assertThatThrownBy(() -> oneGroupAtMost.of(coordinator.id(), scope, surveyId, job, null))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("question"));
        assertThat(oneGroupAtMost.forPage(coordinator.id(), scope, surveyId, job, null).questions()).hasSize(1);
        assertThat(oneGroupAtMost.of(coordinator.id(), scope, surveyId, job, "stress").questions()).hasSize(1);
        assertThat(oneGroupAtMost.of(coordinator.id(), scope, surveyId, null, null).questions())
                .as("not broken down: one row a group a question").hasSize(3);
        assertThat(results.of(coordinator.id(), scope, surveyId, job, null).questions())
                .as("two groups are far below the instance's limit").hasSize(2);
    }
}
