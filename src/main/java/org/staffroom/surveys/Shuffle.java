package org.staffroom.surveys;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a survey closes, its responses are written again under new random ids, in a random order, in one
 * transaction, and the old rows deleted: the order the rows were written in (their place in the table's
 * files, and on PostgreSQL the number of the transaction that wrote each) then says nothing about the
 * order people answered in, and no longer matches the participants' rows. Counts are folded first, so none
 * are lost with the old rows.
 */
@Component
class Shuffle {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Counts counts;

    Shuffle(JdbcClient jdbc, Counts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    /** Runs inside the transaction that closes the survey. */
    void responsesOf(UUID surveyId) {
        counts.foldWaiting();
        record Old(UUID id, UUID groupId) {
        }
        List<Old> old = new ArrayList<>(jdbc.sql("select id, group_id from surveys_response where survey_id = ?")
                .param(surveyId).query(Old.class).list());
        Collections.shuffle(old, RANDOM);
        for (Old response : old) {
            UUID renamed = UUID.randomUUID();
            jdbc.sql("insert into surveys_response (id, survey_id, group_id) values (?, ?, ?)")
                    .params(renamed, surveyId, response.groupId()).update();
            jdbc.sql("update surveys_answer set response_id = ? where response_id = ?").params(renamed, response.id())
                    .update();
            jdbc.sql("delete from surveys_response where id = ?").param(response.id()).update();
        }
    }
}
