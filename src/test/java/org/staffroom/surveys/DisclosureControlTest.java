package org.staffroom.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.staffroom.demo.DemoSurveys;
import org.staffroom.demo.DemoSurveys.NetworkAnswers;
import org.staffroom.surveys.DisclosureControl.Figure;
import org.staffroom.surveys.DisclosureControl.Reason;

/**
 * The disclosure-control rules, and an attacker who solves the linear programs itself (commons-math3) over
 * every figure the decision shows, on the demo's network survey and on thousands of generated ones.
 */
class DisclosureControlTest {

    static final int K = 11;
    static final int WHOLE = DisclosureControl.WHOLE;
    static final int PROFESSION = 1;
    static final int CARE_WORKER = 7;
    static final int MANAGER = 8;

    /** The demo's network survey, one question: the mental health team is group 0, the home care group 1. */
    static Respondents demo(String code) {
        List<String> breakdowns = List.of("profession", "contract").stream().filter(b -> !b.equals(code)).toList();
        List<Respondents.Respondent> list = new ArrayList<>();
        for (int i = 0; i < DemoSurveys.MENTAL_HEALTH_RESPONDENTS + DemoSurveys.HOME_CARE_RESPONDENTS; i++) {
            boolean homeCare = i >= DemoSurveys.MENTAL_HEALTH_RESPONDENTS;
            Map<String, Integer> answers = (homeCare
                    ? NetworkAnswers.homeCare(i - DemoSurveys.MENTAL_HEALTH_RESPONDENTS)
                    : NetworkAnswers.mentalHealth(i)).byCode();
            int[] items = breakdowns.stream().mapToInt(answers::get).toArray();
            int answer = answers.get(code);
            boolean number = code.equals("unpaid_hours");
            list.add(new Respondents.Respondent(homeCare ? 1 : 0, items, number ? new int[0] : new int[] {answer},
                    number ? answer : 0));
        }
        QuestionBank.BankQuestion question = QuestionBank.find(code).orElseThrow();
        int options = question.kind() == Question.Kind.SCALE ? Question.AGREEMENT.size() : question.options().size();
        List<List<Integer>> items = breakdowns.stream().map(b -> {
            List<Integer> ofB = new ArrayList<>(IntStream.range(0, QuestionBank.find(b).orElseThrow().options().size())
                    .boxed().toList());
            ofB.add(-1);
            return (List<Integer>) ofB;
        }).toList();
        return new Respondents(question.kind() == Question.Kind.NUMBER ? Attacker.Kind.NUMBER : Attacker.Kind.ONE,
                options, question.min() == null ? 0 : question.min(), question.max() == null ? 0 : question.max(), 2,
                items, list);
    }

    static int k(String code) {
        return QuestionBank.find(code).orElseThrow().sensitive() ? 20 : K;
    }

    @Test
    void theDemosTwoManagersAreNotTheGroupLessTheNetworksCareWorkers() {
        Respondents bullied = demo("bullied_by_managers");
        Map<Figure, Reason> hidden = DisclosureControl.decide(bullied.figures(20));

        assertThat(hidden).as("the home care group's managers").containsEntry(new Figure(1, PROFESSION, MANAGER),
                Reason.FEWER_THAN_K);
        assertThat(hidden).as("the mental health team has no care workers, so the network's are the home care group's")
                .containsKey(new Figure(WHOLE, PROFESSION, CARE_WORKER));
        assertThat(hidden).doesNotContainKeys(new Figure(WHOLE, 0, 0), new Figure(0, 0, 0), new Figure(1, 0, 0));
        assertThat(bullied.attack(20, hidden)).isEmpty();
    }

    @Test
    void theAttackerWorksOutTheManagersFromWhatTheRuleBeforeTheAuditShowed() {
        Respondents bullied = demo("bullied_by_managers");
        DisclosureControl.Figures figures = bullied.figures(20);
        Map<Figure, Reason> before = new java.util.HashMap<>();
        DisclosureControl.neverShownBefore(figures, List.of("north", "riverside"))
                .forEach(f -> before.put(f, Reason.PROTECTS_ANOTHER));

        assertThat(before).doesNotContainKey(new Figure(WHOLE, PROFESSION, CARE_WORKER));
        assertThat(bullied.attack(20, before)).as("the home care group's everyone less the network's care workers")
                .anyMatch(finding -> finding.contains("hidden group 1 by 1 = 8")
                        && finding.contains("between 1.00 and 1.00"));
    }

    @Test
    void everyQuestionOfTheDemoSurveyHoldsAgainstTheAttacker() {
        for (String code : DemoSurveys.NETWORK_QUESTIONS) {
            Respondents respondents = demo(code);
            Map<Figure, Reason> hidden = DisclosureControl.decide(respondents.figures(k(code)));
            assertThat(respondents.attack(k(code), hidden)).as(code).isEmpty();
            assertThat(hidden).as(code + ": the network's figure for everyone is shown").doesNotContainKey(
                    new Figure(WHOLE, 0, 0));
        }
    }

    @Test
    void aBreakdownRowOfFewerThanKIsHiddenAndEnoughOthersWithItThatTheTotalDoesNotGiveItAway() {
        // a group's own survey: 30 people, 20 nurses, 7 assistants and 3 others
        Respondents survey = survey(List.of(row(0, 20, 10), row(1, 7, 3), row(2, 3, 1)));
        Map<Figure, Reason> hidden = DisclosureControl.decide(survey.figures(K));
        assertThat(hidden).containsEntry(new Figure(WHOLE, 1, 1), Reason.FEWER_THAN_K)
                .containsEntry(new Figure(WHOLE, 1, 2), Reason.FEWER_THAN_K)
                .as("30 - 20 would give the 10 hidden people: the nurses go too")
                .containsEntry(new Figure(WHOLE, 1, 0), Reason.PROTECTS_ANOTHER)
                .doesNotContainKey(new Figure(WHOLE, 0, 0));
        assertThat(survey.attack(K, hidden)).isEmpty();
    }

    @Test
    void hiddenRowsWhoseAnswersTheOthersLeaveNoRoomForAreHiddenWithMore() {
        // 40 people: 29 nurses, 10 of whom said yes; 2 managers and 9 admin staff, none of whom did. Hiding the
        // managers and admin staff together (11) is enough people, but shows that neither manager said yes,
        // where the group's 10 of 40 leave it open
        Respondents survey = survey(List.of(row(0, 29, 10), row(1, 2, 0), row(2, 9, 0)));
        Map<Figure, Reason> hidden = DisclosureControl.decide(survey.figures(K));
        assertThat(hidden).containsKeys(new Figure(WHOLE, 1, 0), new Figure(WHOLE, 1, 1), new Figure(WHOLE, 1, 2));
        assertThat(survey.attack(K, hidden)).isEmpty();
    }

    @Test
    void theAttackerSeesWhatALineRuleAloneLeaves() {
        Respondents survey = survey(List.of(row(0, 29, 10), row(1, 2, 0), row(2, 9, 0)));
        Map<Figure, Reason> rowsOfFewerThanK = Map.of(new Figure(WHOLE, 1, 1), Reason.FEWER_THAN_K,
                new Figure(WHOLE, 1, 2), Reason.FEWER_THAN_K);
        assertThat(survey.attack(K, rowsOfFewerThanK)).as("the managers said no, and the admin staff").isNotEmpty();
    }

    /** A group's own survey with one breakdown: each row's size and how many of them said yes (answer 1). */
    private static Respondents survey(List<int[]> rows) {
        List<Respondents.Respondent> list = new ArrayList<>();
        for (int[] row : rows) {
            for (int n = 0; n < row[1]; n++) {
                list.add(new Respondents.Respondent(-1, new int[] {row[0]}, new int[] {n < row[2] ? 1 : 0}, 0));
            }
        }
        return new Respondents(Attacker.Kind.ONE, 2, 0, 0, 0, List.of(List.of(0, 1, 2, -1)), list);
    }

    private static int[] row(int item, int size, int yes) {
        return new int[] {item, size, yes};
    }

    @Test
    void generatedSurveysHoldAgainstTheAttacker() {
        Random random = new Random(2027);
        long shownRows = 0;
        for (int round = 0; round < 300; round++) {
            int k = List.of(5, 11, 20).get(round % 3);
            Respondents respondents = Respondents.generate(random);
            Map<Figure, Reason> hidden = DisclosureControl.decide(respondents.figures(k));
            assertThat(respondents.attack(k, hidden)).as("round %d: %s", round, respondents).isEmpty();
            shownRows += respondents.figures(k).values().keySet().stream()
                    .filter(f -> f.by() > 0 && !hidden.containsKey(f)).count();
        }
        assertThat(shownRows).as("breakdown rows are shown: the test would prove nothing otherwise").isGreaterThan(200);
    }
}
