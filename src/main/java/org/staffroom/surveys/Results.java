package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.staffroom.groups.Networks;
import org.staffroom.shared.DomainException;
import org.staffroom.surveys.DisclosureControl.Reason;

/**
 * A survey's results, read from the counts under each question's disclosure decision ({@link Releases}): a
 * hidden row carries its reason and no figure at all. Members see them once published; those who run the
 * survey once it has closed, to check them before publishing. Free text is never counted.
 *
 * <p>A question is decided once over every figure any viewer can see — the survey, each group, and each
 * answer of every breakdown question within both — so that every viewer sees the same decision for the same
 * figure: coordinators see the network's rows and one row per group; a group's members see the network's rows
 * and their own group's.
 */
@Service
public class Results {

    public record Cell(String option, long count, int percent) {
    }

    public enum RowKind {
        /** Everyone the table is about. */
        EVERYONE,
        /** Those who gave one answer ({@code label}) to the breakdown question. */
        ANSWER,
        /** Those who did not answer the breakdown question. */
        NOT_STATED
    }

    /**
     * A row; {@code group} names the group it is about within a network survey (null: the whole survey). A
     * hidden row says why, and against which threshold, and carries no figure.
     */
    public record Row(RowKind kind, @Nullable String label, @Nullable String group, boolean suppressed,
            @Nullable Reason reason, @Nullable Integer threshold, @Nullable Long respondents,
            @Nullable List<Cell> cells,
            @Nullable Double mean) {
    }

    /** {@code previous}: everyone's row for the same bank question in the survey this one was copied from, if any. */
    public record QuestionResult(Question question, int threshold, List<Row> rows, @Nullable Row previous) {
    }

    /**
     * {@code previousTitle}: the survey this one was copied from, when its results can be seen too;
     * {@code only}: the one question asked for, if one was; {@code countable}: the questions with figures.
     */
    public record View(UUID surveyId, @Nullable UUID groupId, @Nullable UUID networkId, String title,
            Surveys.Status status, long turnout, @Nullable Question by, List<Question> breakdowns,
            List<QuestionResult> questions, @Nullable String previousTitle, @Nullable Question only,
            List<Question> countable) {
    }

    static final int WHOLE_SURVEY_GROUPS = 50;

    /** The group of rows answered outside the network's groups (through the link, or a group that left). */
    public static final String ELSEWHERE = "";

    /** The figures' part for the whole survey, in names like "all/v2". */
    private static final String ALL = "all";

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final Counts counts;
    private final Networks networks;
    private final Releases releases;
    /**
     * A network survey's results broken down by a question hold, for every question, every group's rows: past
     * this many groups the whole survey at once is too large for one answer (at national scale it exhausted a
     * 512 MiB heap), so it is read a question at a time.
     */
    private final int wholeSurveyGroups;

    @org.springframework.beans.factory.annotation.Autowired
    Results(JdbcClient jdbc, Surveys surveys, Counts counts, Networks networks, Releases releases) {
        this(jdbc, surveys, counts, networks, releases, WHOLE_SURVEY_GROUPS);
    }

    Results(JdbcClient jdbc, Surveys surveys, Counts counts, Networks networks, Releases releases,
            int wholeSurveyGroups) {
        this.wholeSurveyGroups = wholeSurveyGroups;
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.counts = counts;
        this.networks = networks;
        this.releases = releases;
    }

    /**
     * @param by the breakdown question, by its bank code or id; null or blank for none
     * @param question one question's table only (its bank code or id; null or blank for every question): a
     *     national survey's table for one question is thousands of groups' figures
     */
    public View of(UUID accountId, Scope scope, UUID surveyId, @Nullable String by, @Nullable String question) {
        return of(accountId, scope, surveyId, by, question, true, false);
    }

    /**
     * As {@link #of(UUID, Scope, UUID, String, String)}, but where a network has too many groups for the whole
     * survey broken down at once, the first question's table rather than a refusal: the page then offers the
     * others one at a time.
     */
    public View forPage(UUID accountId, Scope scope, UUID surveyId, String by, String question) {
        return of(accountId, scope, surveyId, by, question, true, true);
    }

    private View of(UUID accountId, Scope scope, UUID surveyId, @Nullable String by, @Nullable String only,
            boolean withPrevious,
            boolean narrow) {
        Surveys.Row row = surveys.visible(accountId, scope, surveyId);
        Surveys.Status status = surveys.status(row);
        if (status != Surveys.Status.PUBLISHED
                && !(status == Surveys.Status.CLOSED && surveys.canManage(accountId, row))) {
            throw new DomainException.Conflict("survey.results.notYet");
        }
        surveys.closeIfOverdue(surveyId);
        List<Question> questions = surveys.questions(surveyId);
        List<Question> breakdowns = questions.stream().filter(Question::breakdown).toList();
        Question breakdown = by == null || by.isBlank() ? null : breakdowns.stream()
                .filter(q -> named(q, by)).findFirst()
                .orElseThrow(() -> new DomainException.InvalidInput("by", "survey.results.by.invalid"));
        List<Question> countable = questions.stream()
                .filter(q -> !q.freeText() && (breakdown == null || !q.id().equals(breakdown.id()))).toList();
        List<Question> tables = countable;
        if (only != null && !only.isBlank()) {
            tables = tables.stream().filter(q -> named(q, only)).toList();
            if (tables.isEmpty()) {
                throw new DomainException.InvalidInput("question", "survey.results.question.invalid");
            }
        }
        if (breakdown != null && tables.size() > 1 && scope instanceof Scope.Network && row.networkId() != null
                && networks.groupsIn(row.networkId()).size() > wholeSurveyGroups) {
            if (!narrow) {
                throw new DomainException.InvalidInput("question", "survey.results.question.one");
            }
            tables = List.of(tables.getFirst());
        }
        counts.foldWaiting();
        UUID viewerGroup = scope instanceof Scope.Group g && row.networkId() != null ? g.id() : null;
        Map<UUID, Releases.Decision> decisions = releases.of(row, tables, breakdown, viewerGroup);
        Map<String, Long> stored = new HashMap<>();
        Set<UUID> answeredIn = read(surveyId, row.networkId() != null, breakdown,
                tables.size() == 1 ? tables.getFirst() : null, viewerGroup, stored);
        // the groups of a network survey, named for the table (responses may come from a group that has left since)
        Map<UUID, String> groups = new LinkedHashMap<>();
        if (row.networkId() != null) {
            networks.groupsIn(row.networkId()).forEach(g -> groups.put(g.id(), g.name()));
            // answers through the link, or from a group that has left the network since: "" names them
            answeredIn.forEach(g -> groups.putIfAbsent(g, ELSEWHERE));
        }
        List<QuestionResult> results = new ArrayList<>();
        for (Question question : tables) {
            results.add(result(question, breakdown, stored, groups, scope instanceof Scope.Network, viewerGroup,
                    java.util.Objects.requireNonNull(decisions.get(question.id()))));
        }
        View previous = withPrevious ? previous(accountId, scope, row) : null;
        if (previous != null) {
            Map<String, Row> lastTime = new HashMap<>();
            previous.questions().stream().filter(r -> r.question().code() != null)
                    .forEach(r -> lastTime.put(r.question().code(), r.rows().getFirst()));
            results.replaceAll(r -> new QuestionResult(r.question(), r.threshold(), r.rows(),
                    r.question().code() == null ? null : lastTime.get(r.question().code())));
        }
        long turnout = stored.getOrDefault(ALL + "/" + Counts.NONE + "/0/" + Counts.NONE + "/" + Counts.ANSWERED, 0L);
        return new View(surveyId, row.groupId(), row.networkId(), row.title(), status, turnout,
                breakdown, breakdowns, results, previous == null ? null : previous.title(),
                tables.size() == countable.size() ? null : tables.getFirst(), countable);
    }

    private static boolean named(Question question, String name) {
        return name.strip().equals(question.code()) || name.strip().equals(question.id().toString());
    }

    /**
     * Reads the counts the tables need into {@code stored}, keyed "part/by question/by item/question/item"
     * (and "/total" for the sum of numbers), where the part is a group's id or "all" for the whole survey:
     * the whole survey's summed by the database; of a network survey's groups, the rows the viewer sees —
     * each group's everyone for coordinators, one group's breakdown for its members. Returns the groups read.
     */
    private Set<UUID> read(UUID surveyId, boolean network, @Nullable Question breakdown, @Nullable Question only,
            @Nullable UUID viewerGroup,
            Map<String, Long> stored) {
        List<Object> params = new ArrayList<>(
                List.of(surveyId, Counts.NONE, breakdown == null ? Counts.NONE : breakdown.id()));
        String where = " from surveys_count where survey_id = ? and by_question in (?, ?)";
        if (only != null) {
            where += " and question_id in (?, ?)";
            params.addAll(List.of(only.id(), Counts.NONE));
        }
        jdbc.sql("select by_question, by_item, question_id, item, sum(respondents) respondents, sum(total) total"
                + where + " group by by_question, by_item, question_id, item")
                .params(params)
                .query((rs, n) -> {
                    String key = ALL + "/" + key(rs);
                    stored.put(key, rs.getLong("respondents"));
                    stored.put(key + "/total", rs.getLong("total"));
                    return key;
                })
                .list();
        Set<UUID> answeredIn = new LinkedHashSet<>();
        if (network) {
            params.add(viewerGroup == null ? Counts.NONE : viewerGroup);
            jdbc.sql("select group_id, by_question, by_item, question_id, item, respondents, total" + where
                    + (viewerGroup == null ? " and by_question = ?" : " and group_id = ?"))
                    .params(params)
                    .query((rs, n) -> {
                        UUID group = rs.getObject("group_id", UUID.class);
                        String key = group + "/" + key(rs);
                        stored.put(key, rs.getLong("respondents"));
                        stored.put(key + "/total", rs.getLong("total"));
                        answeredIn.add(group);
                        return key;
                    })
                    .list();
        }
        return answeredIn;
    }

    private static String key(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getObject("by_question", UUID.class) + "/" + rs.getInt("by_item") + "/"
                + rs.getObject("question_id", UUID.class) + "/" + rs.getInt("item");
    }

    /**
     * Year on year: the results of the survey this one was copied from, compared on bank questions, when this
     * viewer may see them (they went through the same rules when they were decided). Different surveys are
     * different sets of answers, so one cannot be subtracted from the other.
     */
    private @Nullable View previous(UUID accountId, Scope scope, Surveys.Row row) {
        if (row.copiedFrom() == null) {
            return null;
        }
        try {
            return of(accountId, scope, row.copiedFrom(), null, null, false, true);
        } catch (DomainException e) {
            return null;
        }
    }

    private QuestionResult result(Question question, @Nullable Question breakdown, Map<String, Long> stored,
            Map<UUID, String> groups, boolean perGroup, @Nullable UUID viewerGroup, Releases.Decision decision) {
        int k = decision.threshold();
        // the breakdown's parts: "" for everyone, then one per answer and "-1" for not stated
        Map<String, String> byParts = new LinkedHashMap<>();
        byParts.put("", Counts.NONE + "/0");
        if (breakdown != null) {
            for (int v = 0; v < breakdown.options().size(); v++) {
                byParts.put(String.valueOf(v), breakdown.id() + "/" + v);
            }
            byParts.put(String.valueOf(Counts.NOT_STATED), breakdown.id() + "/" + Counts.NOT_STATED);
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>(List.of(ALL));
        groups.keySet().forEach(g -> parts.add(g.toString()));
        for (String part : parts) {
            byParts.forEach((by, key) -> sizes.put(part + "/" + by,
                    stored.getOrDefault(part + "/" + key + "/" + question.id() + "/" + Counts.ANSWERED, 0L)));
        }
        // a figure the decision did not cover (a group that joined since) has nobody: hidden as fewer than k
        Map<String, Reason> hidden = new HashMap<>();
        for (String part : parts) {
            byParts.forEach((by, key) -> {
                UUID byQuestion = UUID.fromString(key.substring(0, key.indexOf('/')));
                int byItem = Integer.parseInt(key.substring(key.indexOf('/') + 1));
                Reason reason = decision.reason(part.equals(ALL) ? null : UUID.fromString(part), byQuestion, byItem);
                if (reason == null && java.util.Objects.requireNonNull(sizes.get(part + "/" + by)) < k) {
                    reason = Reason.FEWER_THAN_K;
                }
                if (reason != null) {
                    hidden.put(part + "/" + by, reason);
                }
            });
        }
        List<Row> rows = new ArrayList<>();
        byParts.forEach((by, key) -> rows.add(row(question, breakdown, by, ALL, key, null, sizes, hidden, stored, k)));
        if (perGroup) {
            groups.forEach((g,
                    name) -> rows.add(row(question, breakdown, "", g.toString(),
                            java.util.Objects.requireNonNull(byParts.get("")), name, sizes,
                            hidden, stored, k)));
        } else if (viewerGroup != null) {
            String name = groups.get(viewerGroup);
            byParts.forEach((by, key) -> rows.add(row(question, breakdown, by, viewerGroup.toString(), key, name, sizes,
                    hidden, stored, k)));
        }
        return new QuestionResult(question, k, rows, null);
    }

    private static Row row(Question question, @Nullable Question breakdown, String by, String part, String key,
            @Nullable String group,
            Map<String, Long> sizes, Map<String, Reason> hidden, Map<String, Long> stored, int k) {
        String figure = part + "/" + by;
        RowKind kind = by.isEmpty() ? RowKind.EVERYONE
                : by.equals(String.valueOf(Counts.NOT_STATED)) ? RowKind.NOT_STATED : RowKind.ANSWER;
        String label = kind == RowKind.ANSWER
                ? java.util.Objects.requireNonNull(breakdown).options().get(Integer.parseInt(by)) : null;
        Reason reason = hidden.get(figure);
        if (reason != null) {
            return new Row(kind, label, group, true, reason, k, null, null, null);
        }
        long respondents = java.util.Objects.requireNonNull(sizes.get(figure));
        String base = part + "/" + key + "/" + question.id() + "/";
        List<Cell> cells = new ArrayList<>();
        for (int item = 0; item < question.options().size(); item++) {
            long count = stored.getOrDefault(base + item, 0L);
            cells.add(new Cell(question.options().get(item), count, (int) Math.round(100.0 * count / respondents)));
        }
        Double mean = question.kind() == Question.Kind.NUMBER
                ? Math.round(10.0 * stored.getOrDefault(base + Counts.ANSWERED + "/total", 0L) / respondents) / 10.0
                : null;
        return new Row(kind, label, group, false, null, null, respondents, cells, mean);
    }
}
