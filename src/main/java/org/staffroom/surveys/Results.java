package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.staffroom.groups.GroupAccess;
import org.staffroom.groups.Role;
import org.staffroom.shared.DomainException;
import org.staffroom.surveys.DisclosureControl.Line;
import org.staffroom.surveys.DisclosureControl.Reason;

/**
 * A survey's results, read from the counts and passed through {@link DisclosureControl}: a hidden row
 * carries its reason and no figure at all. Members see them once published; organisers once the survey
 * has closed, to check them before publishing. Free text is never counted.
 */
@Service
public class Results {

    public record Cell(String option, long count, int percent) {
    }

    public enum RowKind {
        EVERYONE, ANSWER, NOT_STATED
    }

    /**
     * A row: everyone, those who gave one answer to the breakdown question ({@code label}), or those who did
     * not answer it. A hidden row says why, and against which threshold, and carries no figure.
     */
    public record Row(RowKind kind, String label, boolean suppressed, Reason reason, Integer threshold,
            Long respondents, List<Cell> cells, Double mean) {
    }

    public record QuestionResult(Question question, int threshold, List<Row> rows) {
    }

    public record View(UUID surveyId, UUID groupId, String title, Surveys.Status status, long turnout, Question by,
            List<Question> breakdowns, List<QuestionResult> questions) {
    }

    private final JdbcClient jdbc;
    private final GroupAccess access;
    private final Surveys surveys;
    private final Responses responses;
    private final Counts counts;
    private final SurveySettings settings;

    Results(JdbcClient jdbc, GroupAccess access, Surveys surveys, Responses responses, Counts counts,
            SurveySettings settings) {
        this.jdbc = jdbc;
        this.access = access;
        this.surveys = surveys;
        this.responses = responses;
        this.counts = counts;
        this.settings = settings;
    }

    /** @param by the breakdown question, by its bank code or id; null or blank for none */
    public View of(UUID accountId, UUID groupId, UUID surveyId, String by) {
        Role role = access.requireMember(groupId, accountId);
        Surveys.Row row = surveys.find(groupId, surveyId);
        Surveys.Status status = surveys.status(row);
        boolean visible = status == Surveys.Status.PUBLISHED
                || (status == Surveys.Status.CLOSED && role == Role.ORGANISER);
        if (!visible) {
            throw new DomainException.Conflict("survey.results.notYet");
        }
        List<Question> questions = surveys.questions(surveyId);
        List<Question> breakdowns = questions.stream().filter(Question::breakdown).toList();
        Question breakdown = by == null || by.isBlank() ? null : breakdowns.stream()
                .filter(q -> by.strip().equals(q.code()) || by.strip().equals(q.id().toString())).findFirst()
                .orElseThrow(() -> new DomainException.InvalidInput("by", "survey.results.by.invalid"));
        counts.foldWaiting();
        Map<String, Long> stored = new HashMap<>();
        jdbc.sql("""
                select by_question, by_item, question_id, item, sum(respondents) respondents, sum(total) total
                from surveys_count where survey_id = ? and (by_question = ? or by_question = ?)
                group by by_question, by_item, question_id, item""")
                .params(surveyId, Counts.NONE, breakdown == null ? Counts.NONE : breakdown.id())
                .query((rs, n) -> {
                    String key = rs.getObject("by_question", UUID.class) + "/" + rs.getInt("by_item") + "/"
                            + rs.getObject("question_id", UUID.class) + "/" + rs.getInt("item");
                    stored.put(key, rs.getLong("respondents"));
                    stored.put(key + "/total", rs.getLong("total"));
                    return key;
                })
                .list();
        List<QuestionResult> results = new ArrayList<>();
        for (Question question : questions) {
            if (question.freeText() || (breakdown != null && question.id().equals(breakdown.id()))) {
                continue;
            }
            results.add(result(question, breakdown, stored));
        }
        return new View(surveyId, groupId, row.title(), status, responses.turnout(surveyId), breakdown, breakdowns, results);
    }

    private QuestionResult result(Question question, Question breakdown, Map<String, Long> stored) {
        int k = settings.thresholdFor(question);
        // figures by name: "all", and one per answer of the breakdown question ("-1" for not stated)
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        keys.put("all", Counts.NONE + "/0");
        if (breakdown != null) {
            for (int v = 0; v < breakdown.options().size(); v++) {
                keys.put("v" + v, breakdown.id() + "/" + v);
                labels.put("v" + v, breakdown.options().get(v));
            }
            keys.put("v-1", breakdown.id() + "/" + Counts.NOT_STATED);
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        keys.forEach((figure, prefix) -> sizes.put(figure,
                stored.getOrDefault(prefix + "/" + question.id() + "/" + Counts.ANSWERED, 0L)));
        List<Line> lines = breakdown == null ? List.of()
                : List.of(new Line("all", keys.keySet().stream().filter(f -> !f.equals("all")).toList()));
        Map<String, Reason> hidden = DisclosureControl.decide(sizes, lines, k);
        List<Row> rows = new ArrayList<>();
        keys.forEach((figure, prefix) -> {
            Reason reason = hidden.get(figure);
            RowKind kind = figure.equals("all") ? RowKind.EVERYONE : labels.containsKey(figure) ? RowKind.ANSWER
                    : RowKind.NOT_STATED;
            if (reason != null) {
                rows.add(new Row(kind, labels.get(figure), true, reason, k, null, null, null));
                return;
            }
            long respondents = sizes.get(figure);
            String base = prefix + "/" + question.id() + "/";
            List<Cell> cells = new ArrayList<>();
            for (int item = 0; item < question.options().size(); item++) {
                long count = stored.getOrDefault(base + item, 0L);
                cells.add(new Cell(question.options().get(item), count, (int) Math.round(100.0 * count / respondents)));
            }
            Double mean = question.kind() == Question.Kind.NUMBER
                    ? Math.round(10.0 * stored.getOrDefault(base + Counts.ANSWERED + "/total", 0L) / respondents) / 10.0
                    : null;
            rows.add(new Row(kind, labels.get(figure), false, null, null, respondents, cells, mean));
        });
        return new QuestionResult(question, k, rows);
    }
}
