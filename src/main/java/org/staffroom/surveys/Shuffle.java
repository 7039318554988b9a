package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a survey closes, its responses are written again under new random ids, in a random order, and the
 * old rows deleted: the order the rows were written in (their place in the table's files, and on PostgreSQL
 * the number of the transaction that wrote each) then says nothing about the order people answered in, and
 * no longer matches the participants' rows. Counts are folded first, so none are lost with the old rows.
 *
 * <p>The closing transaction draws every response's new id ({@code surveys_shuffle}); once it has
 * committed, the responses are rewritten in the order of their new ids, {@value #SLICE} to a transaction.
 * A slice is a random draw of responses, not a run of them in the order they came, so which transaction
 * rewrote a response tells nothing either; and a national survey's millions of answers are not one
 * enormous transaction. A rewrite cut short (the server stopped) carries on at the next start.
 */
@Component
class Shuffle {

    static final int SLICE = 5000;

    private final int slice;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Counts counts;
    private final TransactionTemplate ownTransaction;
    /** Surveys being rewritten in this process (the scheduled carry-on must not start a second rewrite). */
    private static final java.util.Set<UUID> REWRITING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.springframework.beans.factory.annotation.Autowired
    Shuffle(JdbcClient jdbc, JdbcTemplate batches, Counts counts, PlatformTransactionManager transactions) {
        this(jdbc, batches, counts, transactions, SLICE);
    }

    /** @param slice responses rewritten a transaction (tests use a few) */
    Shuffle(JdbcClient jdbc, JdbcTemplate batches, Counts counts, PlatformTransactionManager transactions, int slice) {
        this.slice = slice;
        this.jdbc = jdbc;
        this.batches = batches;
        this.counts = counts;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs inside the transaction that closes the survey; the rewrite follows once that has committed. */
    void responsesOf(UUID surveyId) {
        counts.foldWaiting();
        draw(surveyId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void afterCommit() {
                    rewrite(surveyId);
                }
            });
        } else {
            rewrite(surveyId);
        }
    }

    /** Draws a new random id for each of the survey's responses. */
    void draw(UUID surveyId) {
        UUID after = null;
        List<UUID> page;
        do {
            page = jdbc.sql("select id from surveys_response where survey_id = ?"
                    + (after == null ? "" : " and id > ?") + " order by id fetch first " + SLICE + " rows only")
                    .params(after == null ? List.of(surveyId) : List.of(surveyId, after)).query(UUID.class).list();
            batches.batchUpdate("insert into surveys_shuffle (survey_id, old_id, new_id) values (?, ?, ?)",
                    page.stream().map(old -> new Object[] {surveyId, old, UUID.randomUUID()}).toList());
            after = page.isEmpty() ? null : page.getLast();
        } while (page.size() == SLICE);
    }

    /** Rewrites whatever is left to rewrite, a slice a transaction (and one rewrite of a survey at a time). */
    void rewrite(UUID surveyId) {
        if (!REWRITING.add(surveyId)) {
            return;
        }
        try {
            Boolean more;
            do {
                more = ownTransaction.execute(status -> rewriteSlice(surveyId));
            } while (Boolean.TRUE.equals(more));
        } finally {
            REWRITING.remove(surveyId);
        }
    }

    private boolean rewriteSlice(UUID surveyId) {
        // another server carrying on with the same survey waits here, then reads the slice after this one
        jdbc.sql("select id from surveys_survey where id = ? for update").param(surveyId).query(UUID.class).optional();
        List<UUID> next = jdbc.sql("select new_id from surveys_shuffle where survey_id = ? order by new_id fetch first "
                + slice + " rows only").param(surveyId).query(UUID.class).list();
        if (next.isEmpty()) {
            return false;
        }
        Object[] inSlice = {surveyId, next.getLast()};
        // x: the old row, by its response's old id
        String mapped = " from surveys_shuffle s join %s x on x.%s = s.old_id where s.survey_id = ? and s.new_id <= ?";
        jdbc.sql("insert into surveys_response (id, survey_id, group_id) select s.new_id, x.survey_id, x.group_id"
                + mapped.formatted("surveys_response", "id") + " order by s.new_id").params(inSlice).update();
        jdbc.sql("insert into surveys_answer (response_id, question_id, item, number, text)"
                + " select s.new_id, x.question_id, x.item, x.number, x.text"
                + mapped.formatted("surveys_answer", "response_id") + " order by s.new_id, x.question_id, x.item")
                .params(inSlice).update();
        String old = " in (select old_id from surveys_shuffle where survey_id = ? and new_id <= ?)";
        jdbc.sql("delete from surveys_answer where response_id" + old).params(inSlice).update();
        jdbc.sql("delete from surveys_response where id" + old).params(inSlice).update();
        jdbc.sql("delete from surveys_shuffle where survey_id = ? and new_id <= ?").params(inSlice).update();
        return next.size() == slice;
    }

    /** Carries on with rewrites a stopped server left unfinished. */
    void carryOn() {
        List<UUID> unfinished = jdbc.sql("select distinct survey_id from surveys_shuffle").query(UUID.class).list();
        new ArrayList<>(unfinished).forEach(this::rewrite);
    }
}
