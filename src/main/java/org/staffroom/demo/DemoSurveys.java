package org.staffroom.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.staffroom.identity.AnonymousTags;
import org.staffroom.surveys.Question;
import org.staffroom.surveys.Responses;
import org.staffroom.surveys.Scope;
import org.staffroom.surveys.Surveys;

/**
 * The demo's surveys: a closed and published network survey answered by 60 members across the two groups
 * (enough that some breakdowns show and others are hidden), and an open survey in the mental health team.
 */
final class DemoSurveys {

    private static final List<String> NETWORK_QUESTIONS = List.of("profession", "contract", "stress", "safe_to_raise",
            "bullied_by_managers", "unpaid_hours", "travel_paid");

    private final Surveys surveys;
    private final Responses responses;
    private final AnonymousTags tags;
    private final String password;

    DemoSurveys(Surveys surveys, Responses responses, AnonymousTags tags, String password) {
        this.surveys = surveys;
        this.responses = responses;
        this.tags = tags;
        this.password = password;
    }

    void create(UUID networkId, UUID coordinator, UUID mentalHealth, UUID organiser, List<UUID> mentalHealthMembers,
            UUID homeCare, List<UUID> homeCareMembers) {
        Scope network = new Scope.Network(networkId);
        UUID survey = surveys.create(coordinator, network, new Surveys.Draft("Working conditions across Bristol, 2026",
                "The same questions in every group of the network, so that we can put one picture in front of the "
                        + "employers and the council."));
        NETWORK_QUESTIONS.forEach(code -> surveys.addFromBank(coordinator, network, survey, code));
        surveys.open(coordinator, network, survey, LocalDate.now().plusDays(1).toString());
        Map<String, UUID> ids = new HashMap<>();
        surveys.get(coordinator, network, survey).questions().forEach(q -> ids.put(q.code(), q.id()));
        for (int i = 0; i < mentalHealthMembers.size(); i++) {
            // nurses, social workers and psychologists; permanent contracts; no travel between visits
            int job = i % 7 < 3 ? 0 : i % 7 < 5 ? 6 : 5;
            answer(mentalHealthMembers.get(i), mentalHealth, survey, ids, job, i % 9 == 0 ? 1 : 0, i, 3 + i % 5, 3);
        }
        for (int i = 0; i < homeCareMembers.size(); i++) {
            // care workers and two managers; mostly zero-hours; travel time mostly unpaid
            int job = i < homeCareMembers.size() - 2 ? 7 : 8;
            answer(homeCareMembers.get(i), homeCare, survey, ids, job, i % 5 < 3 ? 4 : 0, i + 1, 1 + i % 3,
                    i % 3 == 0 ? 1 : 2);
        }
        surveys.close(coordinator, network, survey);
        surveys.publish(coordinator, network, survey);

        Scope team = new Scope.Group(mentalHealth);
        UUID open = surveys.create(organiser, team, new Surveys.Draft("Caseloads and supervision",
                "Before we meet the service manager: how are caseloads and supervision for you?"));
        for (String code : List.of("supervision", "training", "unpaid_hours")) {
            surveys.addFromBank(organiser, team, open, code);
        }
        surveys.open(organiser, team, open, LocalDate.now().plusDays(14).toString());
    }

    private void answer(UUID member, UUID groupId, UUID survey, Map<String, UUID> ids, int job, int contract, int i,
            int unpaidHours, int travel) {
        Map<UUID, Responses.Answer> answers = new HashMap<>();
        answers.put(ids.get("profession"), choice(job));
        answers.put(ids.get("contract"), choice(contract));
        answers.put(ids.get("stress"), choice(2 + (i * 3) % 3));
        answers.put(ids.get("safe_to_raise"), choice((i * 2) % Question.AGREEMENT.size()));
        answers.put(ids.get("bullied_by_managers"), choice(i % 4 == 0 ? 1 : 0));
        answers.put(ids.get("unpaid_hours"), new Responses.Answer(null, unpaidHours, null));
        answers.put(ids.get("travel_paid"), choice(travel));
        tags.actingAs(member, password, () -> {
            responses.respond(member, groupId, survey, answers);
            return null;
        });
    }

    private static Responses.Answer choice(int option) {
        return new Responses.Answer(List.of(option), null, null);
    }
}
