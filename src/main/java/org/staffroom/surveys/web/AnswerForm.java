package org.staffroom.surveys.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.MultiValueMap;
import org.staffroom.shared.DomainException;
import org.staffroom.surveys.Question;
import org.staffroom.surveys.Responses;

/**
 * A survey's answer form as a browser sends it, in a group or through the public link: {@code q.<questionId>}
 * holds an option's number (choose one, the scale), several of them (choose any), a number or a text.
 * {@code given} keeps the values as typed, blanks left out, so a refused form can be shown again filled in.
 */
record AnswerForm(Map<String, List<String>> given) {

    /** The form's answers: {@code q.<questionId>} to the values given, blanks left out. */
    static AnswerForm of(MultiValueMap<String, String> form) {
        Map<String, List<String>> given = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("q.")) {
                given.put(name.substring(2), values.stream().filter(v -> !v.isBlank()).toList());
            }
        });
        return new AnswerForm(given);
    }

    /** The answers as the domain takes them, question by question; a number or choice that is not one is refused. */
    Map<UUID, Responses.Answer> answers(List<Question> questions) {
        Map<UUID, Responses.Answer> answers = new HashMap<>();
        for (Question question : questions) {
            answers.put(question.id(), answer(question, given.getOrDefault(question.id().toString(), List.of())));
        }
        return answers;
    }

    private static Responses.Answer answer(Question question, List<String> values) {
        try {
            return switch (question.kind()) {
                case NUMBER -> new Responses.Answer(null,
                        values.isEmpty() ? null : Integer.valueOf(values.getFirst().strip()), null);
                case TEXT -> new Responses.Answer(null, null, values.isEmpty() ? null : values.getFirst());
                default ->
                    new Responses.Answer(values.stream().map(v -> Integer.valueOf(v.strip())).toList(), null, null);
            };
        } catch (NumberFormatException e) {
            throw question.kind() == Question.Kind.NUMBER
                    ? new DomainException.InvalidInput(question.id().toString(), "survey.answer.number", question.min(),
                            question.max())
                    : new DomainException.InvalidInput(question.id().toString(), "survey.answer.choices");
        }
    }
}
