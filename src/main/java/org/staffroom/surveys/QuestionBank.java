package org.staffroom.surveys;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Standard questions with stable codes, so that answers pool across groups and years. The wording is ours;
 * a code keeps its meaning for good (a question whose meaning changes gets a new code). {@code breakdown}
 * marks the questions results may be broken down by; {@code sensitive} the ones whose figures need the
 * higher threshold.
 */
public final class QuestionBank {

    public record BankQuestion(String code, String section, Question.Kind kind, String text, List<String> options,
            @Nullable Integer min, @Nullable Integer max, boolean breakdown, boolean sensitive) {
    }

    private static final String ABOUT_YOU = "About you and your job";
    private static final String PAY = "Pay and hours";
    private static final String SUPPORT = "Support at work";
    private static final String SAFETY = "Stress, safety and respect";

    private static final List<String> HOW_OFTEN_ABUSED = List.of("Never", "Once or twice", "Three to ten times",
            "More than ten times");

    public static final List<BankQuestion> QUESTIONS = List.of(
            new BankQuestion("profession", ABOUT_YOU, Question.Kind.SINGLE, "What is your job?", List.of(
                    "Registered nurse", "Nursing or healthcare assistant", "Midwife", "Doctor",
                    "Allied health professional (for example physiotherapist, occupational therapist, paramedic)",
                    "Psychologist or therapist", "Social worker", "Care worker or support worker",
                    "Manager or supervisor", "Admin, clerical or support services", "Something else"),
                    null, null, true, false),
            new BankQuestion("employer_type", ABOUT_YOU, Question.Kind.SINGLE, "Who employs you?", List.of(
                    "An NHS trust or board", "A local authority", "A private care provider",
                    "A charity or voluntary organisation", "An agency", "A GP practice or other primary care",
                    "Someone else"), null, null, true, false),
            new BankQuestion("contract", ABOUT_YOU, Question.Kind.SINGLE, "What kind of contract are you on?", List.of(
                    "Permanent", "Fixed-term", "Bank", "Agency", "Zero-hours", "Honorary or unpaid", "Self-employed"),
                    null, null, true, false),
            new BankQuestion("ethnicity", ABOUT_YOU, Question.Kind.SINGLE,
                    "Which of these best describes your ethnic group?", List.of("Asian or Asian British",
                            "Black, Black British, Caribbean or African", "Mixed or more than one ethnic group",
                            "White",
                            "Another ethnic group", "I would rather not say"),
                    null, null, true, false),
            new BankQuestion("hourly_pay", PAY, Question.Kind.NUMBER,
                    "What is your basic pay per hour, in whole pounds?", List.of(), 0, 200, false, false),
            new BankQuestion("travel_paid", PAY, Question.Kind.SINGLE,
                    "If you travel between visits, are you paid for the travel time?", List.of("Yes, all of it",
                            "Some of it", "No", "I do not travel between visits"),
                    null, null, false, false),
            new BankQuestion("unpaid_hours", PAY, Question.Kind.NUMBER,
                    "In a usual week, how many hours do you work beyond your contract without being paid?", List.of(),
                    0, 80, false, false),
            new BankQuestion("supervision", SUPPORT, Question.Kind.SINGLE, "How often do you get supervision?", List.of(
                    "Every month or more often", "Every two or three months", "Less often than that", "Never"),
                    null, null, false, false),
            new BankQuestion("training", SUPPORT, Question.Kind.SCALE,
                    "I can get the training I need to do my job well.", List.of(), null, null, false, false),
            new BankQuestion("stress", SAFETY, Question.Kind.SINGLE, "How often do you feel stressed at work?", List.of(
                    "Never", "Rarely", "Sometimes", "Most of the time", "All of the time"), null, null, false, false),
            new BankQuestion("safe_to_raise", SAFETY, Question.Kind.SCALE,
                    "I would feel safe raising a concern about unsafe practice or staffing.", List.of(), null, null,
                    false, false),
            new BankQuestion("bullied_by_managers", SAFETY, Question.Kind.SINGLE,
                    "In the last 12 months, how often have you been bullied, harassed or abused at work by a manager?",
                    HOW_OFTEN_ABUSED, null, null, false, true),
            new BankQuestion("bullied_by_colleagues", SAFETY, Question.Kind.SINGLE,
                    "In the last 12 months, how often have you been bullied, harassed or abused at work by other colleagues?",
                    HOW_OFTEN_ABUSED, null, null, false, true),
            new BankQuestion("abused_by_public", SAFETY, Question.Kind.SINGLE,
                    "In the last 12 months, how often have you been harassed or abused at work by patients, people you "
                            + "support, their relatives or other members of the public?",
                    HOW_OFTEN_ABUSED, null, null, false, true),
            new BankQuestion("discrimination", SAFETY, Question.Kind.SINGLE,
                    "In the last 12 months, have you been discriminated against at work?", List.of("No",
                            "Yes, by a manager or colleague", "Yes, by patients, people I support or the public",
                            "Yes, by both"),
                    null, null, false, true),
            new BankQuestion("intend_to_leave", SAFETY, Question.Kind.SINGLE,
                    "Are you thinking of leaving your job in the next 12 months?", List.of("No",
                            "Yes, for another job in health or care", "Yes, to leave health and care work",
                            "Yes, to retire", "I am not sure"),
                    null, null, false, false));

    private QuestionBank() {
    }

    public static Optional<BankQuestion> find(String code) {
        return QUESTIONS.stream().filter(q -> q.code().equals(code)).findFirst();
    }
}
