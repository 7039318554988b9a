package org.staffroom.surveys;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.TextInput;
import org.staffroom.surveys.Surveys.NewQuestion;

/** A draft survey's questions: its own, or from the bank, added or removed by whoever runs the survey. */
@Service
public class SurveyQuestions {

    private final JdbcClient jdbc;
    private final Surveys surveys;

    SurveyQuestions(JdbcClient jdbc, Surveys surveys) {
        this.jdbc = jdbc;
        this.surveys = surveys;
    }

    /** Adds a question of the group's own to a draft. */
    @Transactional
    public UUID addQuestion(UUID accountId, Scope scope, UUID surveyId, NewQuestion question) {
        surveys.draftForManager(accountId, scope, surveyId);
        Question.Kind kind;
        try {
            kind = Question.Kind.valueOf(question.kind() == null ? "" : question.kind().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "survey.question.kind.invalid");
        }
        String text = TextInput.line("text", question.text(), 500, true);
        String section = TextInput.line("section", question.section(), 150, false);
        List<String> options = List.of();
        if (kind == Question.Kind.SINGLE || kind == Question.Kind.SEVERAL) {
            String raw = TextInput.multiline("options", question.options(), Surveys.MAX_OPTIONS * 160, false);
            options = Arrays.stream(raw.split("\\R")).map(String::strip).filter(o -> !o.isEmpty()).toList();
            if (options.size() < 2 || options.size() > Surveys.MAX_OPTIONS
                    || new HashSet<>(options).size() != options.size()
                    || options.stream().anyMatch(o -> o.length() > 150)) {
                throw new InvalidInput("options", "survey.question.options.invalid", Surveys.MAX_OPTIONS);
            }
        }
        Integer min = null;
        Integer max = null;
        if (kind == Question.Kind.NUMBER) {
            min = question.min();
            max = question.max();
            if (min == null || max == null || min >= max || min < -1_000_000 || max > 1_000_000) {
                throw new InvalidInput("max", "survey.question.range.invalid");
            }
        }
        boolean breakdown = Boolean.TRUE.equals(question.breakdown());
        if (breakdown && kind != Question.Kind.SINGLE) {
            throw new InvalidInput("breakdown", "survey.question.breakdown.invalid");
        }
        return surveys.insert(surveyId, section, null, kind, text, options, min, max, breakdown,
                Boolean.TRUE.equals(question.sensitive()), Boolean.TRUE.equals(question.required()));
    }

    /** Adds a question from the bank, with its code, wording and whether it may break results down. */
    @Transactional
    public UUID addFromBank(UUID accountId, Scope scope, UUID surveyId, String code) {
        surveys.draftForManager(accountId, scope, surveyId);
        QuestionBank.BankQuestion bank = QuestionBank.find(code == null ? "" : code.strip())
                .orElseThrow(() -> new InvalidInput("code", "survey.bank.unknown"));
        if (surveys.questions(surveyId).stream().anyMatch(q -> bank.code().equals(q.code()))) {
            throw new DomainException.Conflict("survey.bank.already");
        }
        return surveys.insert(surveyId, bank.section(), bank.code(), bank.kind(), bank.text(), bank.options(),
                bank.min(),
                bank.max(), bank.breakdown(), bank.sensitive(), false);
    }

    @Transactional
    public void removeQuestion(UUID accountId, Scope scope, UUID surveyId, UUID questionId) {
        surveys.draftForManager(accountId, scope, surveyId);
        if (jdbc.sql("delete from surveys_question where id = ? and survey_id = ?").params(questionId, surveyId)
                .update() == 0) {
            throw new DomainException.NotFound();
        }
    }
}
