package org.staffroom.surveys;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds new responses into the counts results are read from: one set-based statement per batch, so a busy
 * national survey costs a few statements a second, not one per answer. Free text is never counted.
 */
@Service
class Counts {

    /**
     * The breakdown question of the counts that are not broken down; as the question, the count of those
     * who answered the survey at all (its turnout).
     */
    static final UUID NONE = new UUID(0, 0);
    static final int ANSWERED = -1;
    static final int NOT_STATED = -1;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int batchSize;
    /**
     * One fold at a time in this process (a second waits here rather than on the database); across servers,
     * each batch's transaction first locks the one row of {@code surveys_fold_lock}.
     */
    private final java.util.concurrent.locks.ReentrantLock folding = new java.util.concurrent.locks.ReentrantLock();

    /**
     * @param batchSize responses counted a transaction: the larger, the more of them fall on the same counts
     *     (a national survey's come from thousands of groups), so the fewer rows each costs
     */
    Counts(JdbcClient jdbc, TransactionTemplate transactions,
            @org.springframework.beans.factory.annotation.Value("${staffroom.surveys.fold-batch:5000}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /** Counts every waiting response, a batch a transaction; results call it before they read. */
    void foldWaiting() {
        folding.lock();
        try {
            Integer counted;
            do {
                counted = transactions.execute(status -> foldBatch());
            } while (counted != null && counted >= batchSize);
        } finally {
            folding.unlock();
        }
    }

    /** Counts one batch of waiting responses; returns how many it counted. */
    private int foldBatch() {
        UUID batch = UUID.randomUUID();
        // held until this batch commits: another server's fold waits here, then sees this batch counted
        jdbc.sql("select id from surveys_fold_lock where id = 1 for update").query(Integer.class).single();
        // the batch: waiting responses up to the batch size-th in id order (a few more if some arrive meanwhile).
        // Two plain statements: an update joined to a limited subquery of its own table was planned once,
        // cached for a few thousand rows, and ran for minutes over a backlog of a million
        UUID last = jdbc.sql("""
                select response_id from surveys_pending where batch is null order by response_id
                offset %d rows fetch next 1 rows only""".formatted(batchSize - 1)).query(UUID.class).optional()
                .orElse(null);
        int marked = last == null
                ? jdbc.sql("update surveys_pending set batch = ? where batch is null").param(batch).update()
                : jdbc.sql("update surveys_pending set batch = ? where batch is null and response_id <= ?")
                        .params(batch, last).update();
        if (marked == 0) {
            return 0;
        }
        // how many answered, each group's, as the figure of the nil question
        merge("""
                select r.survey_id, r.group_id, cast(? as uuid) by_question, 0 by_item, cast(? as uuid) question_id,
                    -1 item, count(*) respondents, 0 total
                from surveys_pending p join surveys_response r on r.id = p.response_id where p.batch = ?
                group by r.survey_id, r.group_id""", NONE, NONE, batch);
        fold("cast(? as uuid) by_question, 0 by_item", "", "", List.of(NONE), batch);
        fold("qb.id by_question, coalesce(b.item, -1) by_item", """
                join surveys_question qb on qb.survey_id = r.survey_id and qb.breakdown
                left join surveys_answer b on b.response_id = r.id and b.question_id = qb.id""",
                "qb.id, coalesce(b.item, -1), ", List.of(), batch);
        jdbc.sql("delete from surveys_pending where batch = ?").param(batch).update();
        return marked;
    }

    /**
     * Counts a batch for one way of breaking results down ({@code by}, the breakdown's columns, from
     * {@code joins}): each option chosen, and with item -1 how many answered each question.
     */
    private void fold(String by, String joins, String byGroup, List<Object> byParams, UUID batch) {
        String from = " from surveys_pending p join surveys_response r on r.id = p.response_id " + joins + """

                join surveys_answer a on a.response_id = r.id
                join surveys_question q on q.id = a.question_id and q.kind <> 'TEXT'
                where p.batch = ?
                group by r.survey_id, r.group_id, """ + byGroup + "a.question_id";
        List<Object> params = new java.util.ArrayList<>(byParams);
        params.add(batch);
        params.addAll(byParams);
        params.add(batch);
        merge("select r.survey_id, r.group_id, " + by + ", a.question_id, a.item, count(*) respondents,"
                + " coalesce(sum(a.number), 0) total" + from + ", a.item union all select r.survey_id, r.group_id, "
                + by
                + ", a.question_id, -1, count(distinct r.id), coalesce(sum(a.number), 0)" + from, params.toArray());
    }

    private void merge(String counts, Object... params) {
        jdbc.sql("merge into surveys_count c using (" + counts
                + """
                        ) n on (c.survey_id = n.survey_id and c.group_id = n.group_id and c.by_question = n.by_question
                            and c.by_item = n.by_item and c.question_id = n.question_id and c.item = n.item)
                        when matched then update set respondents = c.respondents + n.respondents, total = c.total + n.total
                        when not matched then insert (survey_id, group_id, by_question, by_item, question_id, item, respondents,
                            total)
                        values (n.survey_id, n.group_id, n.by_question, n.by_item, n.question_id, n.item, n.respondents, n.total)""")
                .params(params).update();
    }
}
