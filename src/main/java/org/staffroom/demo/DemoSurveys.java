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
import org.staffroom.surveys.SurveyQuestions;
import org.staffroom.surveys.Surveys;

/**
 * The demo's surveys: a closed and published network survey answered by 60 members across the two groups
 * (enough that some breakdowns show and others are hidden), and an open survey in the mental health team.
 */
public final class DemoSurveys {

    /** The network survey's questions, from the bank. */
    public static final List<String> NETWORK_QUESTIONS = List.of("profession", "contract", "stress", "safe_to_raise",
            "bullied_by_managers", "unpaid_hours", "travel_paid");

    /** Respondents to the network survey in the mental health team and in the home care group. */
    public static final int MENTAL_HEALTH_RESPONDENTS = 35;
    public static final int HOME_CARE_RESPONDENTS = 25;

    /**
     * One respondent's answers to the network survey, as option numbers (hours for unpaid hours). The disclosure
     * tests answer the same, so that the demo's published figures are among the cases they attack.
     */
    public record NetworkAnswers(int profession, int contract, int stress, int safeToRaise, int bulliedByManagers,
            int unpaidHours, int travelPaid) {

        /** The i-th of the mental health team: nurses, social workers and psychologists; permanent, a few bank. */
        public static NetworkAnswers mentalHealth(int i) {
            return of(i % 7 < 3 ? 0 : i % 7 < 5 ? 6 : 5, i % 9 == 0 ? 1 : 0, i, 3 + i % 5, 3);
        }

        /**
         * The i-th of the home care group: care workers and, the last two, managers; mostly zero-hours; travel
         * time mostly unpaid.
         */
        public static NetworkAnswers homeCare(int i) {
            return of(i < HOME_CARE_RESPONDENTS - 2 ? 7 : 8, i % 5 < 3 ? 4 : 0, i + 1, 1 + i % 3, i % 3 == 0 ? 1 : 2);
        }

        private static NetworkAnswers of(int profession, int contract, int i, int unpaidHours, int travelPaid) {
            return new NetworkAnswers(profession, contract, 2 + (i * 3) % 3, (i * 2) % Question.AGREEMENT.size(),
                    i % 4 == 0 ? 1 : 0, unpaidHours, travelPaid);
        }

        /** The answers by question code. */
        public Map<String, Integer> byCode() {
            return Map.of("profession", profession, "contract", contract, "stress", stress, "safe_to_raise",
                    safeToRaise, "bullied_by_managers", bulliedByManagers, "unpaid_hours", unpaidHours, "travel_paid",
                    travelPaid);
        }
    }

    private final Surveys surveys;
    private final SurveyQuestions questions;
    private final Responses responses;
    private final AnonymousTags tags;
    private final String password;

    DemoSurveys(Surveys surveys, SurveyQuestions questions, Responses responses, AnonymousTags tags,
            String password) {
        this.surveys = surveys;
        this.questions = questions;
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
        NETWORK_QUESTIONS.forEach(code -> questions.addFromBank(coordinator, network, survey, code));
        surveys.open(coordinator, network, survey, LocalDate.now().plusDays(1).toString());
        Map<String, UUID> ids = new HashMap<>();
        surveys.get(coordinator, network, survey).questions().forEach(q -> ids.put(q.code(), q.id()));
        for (int i = 0; i < MENTAL_HEALTH_RESPONDENTS; i++) {
            answer(mentalHealthMembers.get(i), mentalHealth, survey, ids, NetworkAnswers.mentalHealth(i));
        }
        for (int i = 0; i < HOME_CARE_RESPONDENTS; i++) {
            answer(homeCareMembers.get(i), homeCare, survey, ids, NetworkAnswers.homeCare(i));
        }
        surveys.close(coordinator, network, survey);
        surveys.publish(coordinator, network, survey);

        Scope team = new Scope.Group(mentalHealth);
        UUID open = surveys.create(organiser, team, new Surveys.Draft("Caseloads and supervision",
                "Before we meet the service manager: how are caseloads and supervision for you?"));
        for (String code : List.of("supervision", "training", "unpaid_hours")) {
            questions.addFromBank(organiser, team, open, code);
        }
        surveys.open(organiser, team, open, LocalDate.now().plusDays(14).toString());
    }

    private void answer(UUID member, UUID groupId, UUID survey, Map<String, UUID> ids, NetworkAnswers given) {
        Map<UUID, Responses.Answer> answers = new HashMap<>();
        given.byCode().forEach((code, answer) -> answers.put(ids.get(code), code.equals("unpaid_hours")
                ? new Responses.Answer(null, answer, null) : choice(answer)));
        tags.actingAs(member, password, () -> {
            responses.respond(member, groupId, survey, answers);
            return null;
        });
    }

    private static Responses.Answer choice(int option) {
        return new Responses.Answer(List.of(option), null, null);
    }
}
