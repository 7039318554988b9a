package org.staffroom.surveys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.staffroom.shared.DomainException;
import org.staffroom.surveys.DisclosureControl.Figure;
import org.staffroom.surveys.DisclosureControl.Reason;

/**
 * Each question's disclosure decision ({@link DisclosureControl}), made once a survey has closed and kept
 * ({@code surveys_release}, {@code surveys_hidden}), so that everyone who ever sees its results — organisers
 * at the close, members once published, every table, export and view — gets the same decision, and reading
 * results never runs the audit. A job decides closed surveys; a read that finds a question undecided decides
 * it at once if the survey is small, and otherwise answers that the figures are still being checked.
 */
@Service
class Releases {

    /** A figure as stored: the whole survey, or a group's part; everyone (by {@link Counts#NONE}, item 0) or a row. */
    record Key(boolean whole, UUID group, UUID by, int item) {
    }

    /** A question's decision: the threshold it was made with, and why each hidden figure is hidden. */
    record Decision(int threshold, Map<Key, Reason> hidden) {

        /** @param group null for the whole survey */
        @Nullable
        Reason reason(@Nullable UUID group, UUID by, int item) {
            return hidden.get(new Key(group == null, group == null ? Counts.NONE : group, by, item));
        }
    }

    /**
     * A network of more groups than this waits for the job rather than be decided while someone waits: a
     * question of four groups of 70 takes about 6 s to decide (bench/disclosure/report.md), ten groups 15 s.
     */
    static final int DECIDE_ON_READ_GROUPS = 4;
    /** How long one run of the job decides before it leaves the rest to the next run. */
    private static final Duration RUN = Duration.ofMinutes(20);
    private static final Logger LOG = LoggerFactory.getLogger(Releases.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Counts counts;
    private final Surveys surveys;
    private final SurveySettings settings;
    private final TransactionTemplate transactions;

    Releases(JdbcClient jdbc, JdbcTemplate batches, Counts counts, Surveys surveys, SurveySettings settings,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.counts = counts;
        this.surveys = surveys;
        this.settings = settings;
        this.transactions = transactions;
    }

    /**
     * The decisions for these questions of a survey whose results can be seen, read as {@code viewerGroup}'s
     * members see them (every group's everyone figure when null).
     *
     * @throws DomainException.Conflict while a large network's survey waits for the job
     */
    Map<UUID, Decision> of(Surveys.Row survey, List<Question> questions, @Nullable Question by,
            @Nullable UUID viewerGroup) {
        List<Question> undecided = undecided(survey.id(), questions);
        if (!undecided.isEmpty()) {
            if (survey.networkId() != null && groupsAnswering(survey.id()) > DECIDE_ON_READ_GROUPS) {
                throw new DomainException.Conflict("survey.results.preparing");
            }
            undecided.forEach(q -> decide(survey.id(), q));
        }
        Map<UUID, Decision> decisions = new LinkedHashMap<>();
        for (Question question : questions) {
            int threshold = jdbc.sql("select threshold from surveys_release where survey_id = ? and question_id = ?")
                    .params(survey.id(), question.id()).query(Integer.class).single();
            Map<Key, Reason> hidden = new HashMap<>();
            List<Object> params = new ArrayList<>(List.of(survey.id(), question.id(), Counts.NONE,
                    by == null ? Counts.NONE : by.id(), Counts.NONE));
            if (viewerGroup != null) {
                params.add(viewerGroup);
            }
            // the whole survey's figures; each group's everyone; the viewer's own group's rows
            jdbc.sql("select whole, group_id, by_question, by_item, reason from surveys_hidden where survey_id = ?"
                    + " and question_id = ? and by_question in (?, ?) and (whole or by_question = ?"
                    + (viewerGroup == null ? "" : " or group_id = ?") + ")")
                    .params(params)
                    .query((rs, n) -> hidden.put(new Key(rs.getBoolean("whole"), rs.getObject("group_id", UUID.class),
                            rs.getObject("by_question", UUID.class), rs.getInt("by_item")),
                            Reason.valueOf(rs.getString("reason"))))
                    .list();
            decisions.put(question.id(), new Decision(threshold, hidden));
        }
        return decisions;
    }

    private List<Question> undecided(UUID surveyId, List<Question> questions) {
        List<UUID> decided = jdbc.sql("select question_id from surveys_release where survey_id = ?").param(surveyId)
                .query(UUID.class).list();
        return questions.stream().filter(q -> !decided.contains(q.id())).toList();
    }

    private int groupsAnswering(UUID surveyId) {
        return jdbc.sql("select count(distinct group_id) from surveys_count where survey_id = ? and question_id = ?")
                .params(surveyId, Counts.NONE).query(Integer.class).single();
    }

    /** The job: decides every question of closed surveys not yet decided, for up to twenty minutes a run. */
    void decideWaiting() {
        long until = System.nanoTime() + RUN.toNanos();
        // an overdue survey is closed first: closing releases the answers still in the anonymity pool, and a
        // decision is made over every answer it will ever have
        surveys.closeOverdue();
        List<UUID> waiting = jdbc.sql("""
                select s.id from surveys_survey s where s.status in ('CLOSED', 'PUBLISHED')
                and exists (select 1 from surveys_question q where q.survey_id = s.id and q.kind <> 'TEXT'
                    and not exists (select 1 from surveys_release r where r.survey_id = s.id and r.question_id = q.id))
                order by s.id""").query(UUID.class).list();
        for (UUID surveyId : waiting) {
            for (Question question : undecided(surveyId, countable(surveyId))) {
                if (System.nanoTime() > until) {
                    return;
                }
                long started = System.nanoTime();
                decide(surveyId, question);
                LOG.info("Disclosure decided for a question of survey {} in {} ms", surveyId,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private List<Question> countable(UUID surveyId) {
        return surveys.questions(surveyId).stream().filter(q -> !q.freeText()).toList();
    }

    /**
     * Decides a question over every figure of it any viewer can see, and keeps the decision (unless another
     * server or request kept one meanwhile: the same, as the decision is deterministic).
     */
    void decide(UUID surveyId, Question question) {
        counts.foldWaiting();
        int k = settings.thresholdFor(question);
        Figures figures = figures(surveyId, question, k);
        Map<Figure, Reason> hidden = DisclosureControl.decide(figures.figures(),
                isUnaudited(surveyId) ? DisclosureControl.neverShownBefore(figures.figures(),
                        figures.groups().stream().map(UUID::toString).toList()) : java.util.Set.of());
        transactions.executeWithoutResult(status -> {
            // one decision a question: a second decider waits here, then finds it made
            jdbc.sql("select id from surveys_survey where id = ? for update").param(surveyId).query(UUID.class)
                    .single();
            if (undecided(surveyId, List.of(question)).isEmpty()) {
                return;
            }
            jdbc.sql("insert into surveys_release (survey_id, question_id, threshold) values (?, ?, ?)")
                    .params(surveyId, question.id(), k).update();
            List<Object[]> rows = new ArrayList<>();
            hidden.forEach((figure, reason) -> {
                boolean whole = figure.part() == DisclosureControl.WHOLE;
                rows.add(new Object[] {surveyId, question.id(), figure.by() == 0 ? Counts.NONE
                        : figures.breakdowns().get(figure.by() - 1).id(), figure.item(), whole,
                        whole ? Counts.NONE : figures.groups().get(figure.part()), reason.name()});
            });
            for (int from = 0; from < rows.size(); from += 1000) {
                batches.batchUpdate("insert into surveys_hidden (survey_id, question_id, by_question, by_item, whole,"
                        + " group_id, reason) values (?, ?, ?, ?, ?, ?, ?)",
                        rows.subList(from, Math.min(rows.size(), from + 1000)));
            }
        });
    }

    private boolean isUnaudited(UUID surveyId) {
        return jdbc.sql("select count(*) from surveys_released_unaudited where survey_id = ?").param(surveyId)
                .query(Integer.class).single() > 0;
    }

    /**
     * A question's figures as the counts hold them, with the groups in order of id and the breakdown questions
     * in order of position.
     */
    record Figures(DisclosureControl.Figures figures, List<UUID> groups, List<Question> breakdowns) {
    }

    private Figures figures(UUID surveyId, Question question, int k) {
        boolean network = jdbc.sql("select count(*) from surveys_survey where id = ? and network_id is not null")
                .param(surveyId).query(Integer.class).single() > 0;
        List<Question> breakdowns = surveys.questions(surveyId).stream()
                .filter(q -> q.breakdown() && !q.id().equals(question.id())).toList();
        Map<UUID, Integer> by = new HashMap<>();
        by.put(Counts.NONE, 0);
        List<List<Integer>> items = new ArrayList<>();
        for (Question breakdown : breakdowns) {
            by.put(breakdown.id(), by.size());
            List<Integer> ofB = new ArrayList<>(java.util.stream.IntStream.range(0, breakdown.options().size()).boxed()
                    .toList());
            ofB.add(Counts.NOT_STATED);
            items.add(ofB);
        }
        record Count(UUID group, UUID by, int byItem, int item, long respondents, long total) {
        }
        List<Count> rows = jdbc.sql("select group_id, by_question, by_item, item, respondents, total from surveys_count"
                + " where survey_id = ? and question_id = ?").params(surveyId, question.id())
                .query((rs, n) -> new Count(rs.getObject("group_id", UUID.class),
                        rs.getObject("by_question", UUID.class),
                        rs.getInt("by_item"), rs.getInt("item"), rs.getLong("respondents"), rs.getLong("total")))
                .list();
        List<UUID> groups = network ? new ArrayList<>(new TreeSet<>(rows.stream().map(Count::group).toList()))
                : List.of();
        Map<UUID, Integer> part = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            part.put(groups.get(g), g);
        }
        DisclosureControl.Answers answers = switch (question.kind()) {
            case SEVERAL -> DisclosureControl.Answers.ANY;
            case NUMBER -> DisclosureControl.Answers.NUMBER;
            default -> DisclosureControl.Answers.ONE;
        };
        int options = answers == DisclosureControl.Answers.NUMBER ? 0 : question.options().size();
        Map<Figure, long[]> sums = new HashMap<>();
        for (Count row : rows) {
            Integer b = by.get(row.by());
            if (b == null) {
                continue;
            }
            List<Integer> inParts = new ArrayList<>(List.of(DisclosureControl.WHOLE));
            if (network) {
                inParts.add(part.get(row.group()));
            }
            for (int p : inParts) {
                long[] sum = sums.computeIfAbsent(new Figure(p, b, row.byItem()), f -> new long[options + 2]);
                if (row.item() == Counts.ANSWERED) {
                    sum[options] += row.respondents();
                    sum[options + 1] += row.total();
                } else if (row.item() < options) {
                    sum[row.item()] += row.respondents();
                }
            }
        }
        Map<Figure, DisclosureControl.Values> values = new HashMap<>();
        sums.forEach((figure, sum) -> values.put(figure, new DisclosureControl.Values(sum[options],
                java.util.Arrays.copyOf(sum, options), sum[options + 1])));
        return new Figures(new DisclosureControl.Figures(answers, options,
                question.min() == null ? 0 : question.min(), question.max() == null ? 0 : question.max(), k,
                groups.size(), items, values, together(surveyId, breakdowns, part, network)), groups, breakdowns);
    }

    /**
     * How many respondents of each group gave each pair of breakdown answers, from the breakdown questions'
     * tables by each other; null when the joint table would be too large to audit anyway.
     */
    private @Nullable Map<DisclosureControl.Pair, Long> together(UUID surveyId, List<Question> breakdowns,
            Map<UUID, Integer> part,
            boolean network) {
        long cells = 1;
        for (Question breakdown : breakdowns) {
            cells *= breakdown.options().size() + 1;
        }
        if (breakdowns.size() < 2 || cells > DisclosureAudit.JOINT_CELLS) {
            return null;
        }
        List<UUID> ids = new ArrayList<>(List.of(Counts.NONE));
        breakdowns.forEach(b -> ids.add(b.id()));
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> params = new ArrayList<>(List.of(surveyId));
        params.addAll(ids);
        params.addAll(ids);
        // (group, by, by item, question, item) -> respondents
        Map<List<Object>, Long> count = new HashMap<>();
        jdbc.sql("select group_id, by_question, by_item, question_id, item, respondents from surveys_count where"
                + " survey_id = ? and question_id in (" + in + ") and by_question in (" + in + ")")
                .params(params)
                .query((rs, n) -> count.merge(List.of(network ? rs.getObject("group_id", UUID.class) : Counts.NONE,
                        rs.getObject("by_question", UUID.class), rs.getInt("by_item"),
                        rs.getObject("question_id", UUID.class),
                        rs.getInt("item")), rs.getLong("respondents"), Long::sum))
                .list();
        Map<DisclosureControl.Pair, Long> together = new HashMap<>();
        List<UUID> parts = network ? List.copyOf(part.keySet()) : List.of(Counts.NONE);
        for (UUID group : parts) {
            int p = network ? java.util.Objects.requireNonNull(part.get(group)) : DisclosureControl.WHOLE;
            long turnout = count.getOrDefault(List.of(group, Counts.NONE, 0, Counts.NONE, Counts.ANSWERED), 0L);
            for (int i = 0; i < breakdowns.size(); i++) {
                for (int j = i + 1; j < breakdowns.size(); j++) {
                    UUID first = breakdowns.get(i).id();
                    UUID second = breakdowns.get(j).id();
                    for (int b = -1; b < breakdowns.get(j).options().size(); b++) {
                        // respondents with answer b to the second (-1: not stated)
                        long withB = b >= 0 ? count.getOrDefault(List.of(group, Counts.NONE, 0, second, b), 0L)
                                : turnout - count.getOrDefault(List.of(group, Counts.NONE, 0, second, Counts.ANSWERED),
                                        0L);
                        long answeredFirst = count.getOrDefault(List.of(group, second, b, first, Counts.ANSWERED), 0L);
                        together.put(new DisclosureControl.Pair(p, i + 1, Counts.NOT_STATED, j + 1, b),
                                withB - answeredFirst);
                        for (int a = 0; a < breakdowns.get(i).options().size(); a++) {
                            together.put(new DisclosureControl.Pair(p, i + 1, a, j + 1, b),
                                    count.getOrDefault(List.of(group, second, b, first, a), 0L));
                        }
                    }
                }
            }
        }
        return together;
    }
}
