package org.staffroom.surveys;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.shared.AnonymousPool;
import org.staffroom.shared.AnonymousRows;
import org.staffroom.shared.AnonymousRows.Table;

/**
 * Who has answered and what they answered, between request and release (docs/anonymity.md, "The pool").
 * <ul>
 * <li>Participants (the turnout members see) are released once {@value #PARTICIPANTS_BATCH} of a survey wait,
 * and at the end of each release period.</li>
 * <li>Responses wait per survey and group, each group's rewritten together whenever one arrives, and are
 * released into the counts' queue only once at least the survey's highest threshold of them wait (so that the
 * counts a release changes never stand for fewer people than a figure may), or when the survey closes.</li>
 * </ul>
 */
@Component
class SurveysPool implements AnonymousPool {

    static final String NAME = "surveys";
    static final int PARTICIPANTS_BATCH = 3;

    private static final Table PARTICIPANTS = new Table("surveys_participant", "survey_id", "participant");
    private static final Table RESPONSES = new Table("surveys_response", "id").with("surveys_answer", "response_id");

    private static final int SLICE = 5000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final AnonymousRows rows;
    private final SurveySettings settings;

    SurveysPool(JdbcClient jdbc, JdbcTemplate batches, AnonymousRows rows, SurveySettings settings) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.rows = rows;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int mix(AnonymousRows rows) {
        int written = rows.rewrite(PARTICIPANTS, "not released");
        for (Waiting waiting : jdbc.sql("""
                select distinct survey_id, group_id from surveys_response where not released and fresh""")
                .query(Waiting.class).list()) {
            written += rows.rewrite(RESPONSES, "survey_id = ? and group_id = ? and not released", waiting.surveyId(),
                    waiting.groupId());
        }
        return written;
    }

    private record Waiting(UUID surveyId, UUID groupId) {
    }

    @Override
    public int release(boolean periodEnd) {
        int released = 0;
        for (UUID surveyId : jdbc.sql("select survey_id from surveys_participant where not released group by survey_id"
                + (periodEnd ? "" : " having count(*) >= " + PARTICIPANTS_BATCH)).query(UUID.class).list()) {
            released += releaseParticipants(surveyId);
        }
        record Group(UUID surveyId, UUID groupId, long waiting) {
        }
        for (Group group : jdbc.sql("""
                select survey_id, group_id, count(*) waiting from surveys_response where not released
                group by survey_id, group_id""").query(Group.class).list()) {
            if (group.waiting() >= threshold(group.surveyId())) {
                released += releaseResponses("survey_id = ? and group_id = ?", group.surveyId(), group.groupId());
            }
        }
        return released;
    }

    /**
     * Releases everything of the survey that waits, in the transaction that closes it: every answer given is
     * counted before its results are read.
     */
    void releaseSurvey(UUID surveyId) {
        rows.lock(NAME);
        releaseParticipants(surveyId);
        releaseResponses("survey_id = ?", surveyId);
    }

    private int releaseParticipants(UUID surveyId) {
        return jdbc.sql("update surveys_participant set released = true where survey_id = ? and not released")
                .param(surveyId).update();
    }

    /**
     * Releases the waiting responses {@code where} selects into the counts' queue, in a random order (by id), a
     * slice at a time (a national survey closes with many waiting), each by its id: one a request writes
     * meanwhile is neither marked without being queued nor queued without being marked.
     */
    private int releaseResponses(String where, Object... params) {
        int released = 0;
        List<UUID> slice;
        do {
            slice = jdbc.sql("select id from surveys_response where not released and " + where
                    + " order by id fetch first " + SLICE + " rows only").params(params).query(UUID.class).list();
            List<Object[]> ids = slice.stream().map(id -> new Object[] {id}).toList();
            batches.batchUpdate("update surveys_response set released = true where id = ?", ids);
            batches.batchUpdate("insert into surveys_pending (response_id) values (?)", ids);
            released += slice.size();
        } while (slice.size() == SLICE);
        return released;
    }

    /** The most respondents any figure of the survey needs: a release never counts fewer at once. */
    private int threshold(UUID surveyId) {
        boolean sensitive = jdbc.sql("select count(*) from surveys_question where survey_id = ? and sensitive")
                .param(surveyId).query(Long.class).single() > 0;
        return sensitive ? settings.sensitiveThreshold() : settings.threshold();
    }

    @Override
    public List<String> tables() {
        // surveys_code: a code used through the link is deleted beside the response it unlocked; surveys_draft:
        // a member's draft is deleted by the request that sends their answers
        return List.of("surveys_participant", "surveys_response", "surveys_answer", "surveys_pending", "surveys_code",
                "surveys_draft");
    }
}
