package org.staffroom.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.SecretTokens;
import org.staffroom.surveys.Surveys.Link;
import org.staffroom.surveys.Surveys.Status;
import org.staffroom.surveys.Surveys.View;

/**
 * A network survey's link for people outside Staffroom, and its one-time codes: opened, renewed or stopped by
 * whoever runs the survey.
 */
@Service
public class SurveyLinks {

    private final JdbcClient jdbc;
    private final Surveys surveys;

    SurveyLinks(JdbcClient jdbc, Surveys surveys) {
        this.jdbc = jdbc;
        this.surveys = surveys;
    }

    /**
     * Opens a network survey to people outside Staffroom through a new link (the old one stops working), and
     * makes {@code newCodes} more one-time codes; with {@code codesRequired}, every answer through the link
     * needs one.
     */
    @Transactional
    public Link openLink(UUID accountId, Scope scope, UUID surveyId, boolean codesRequired, int newCodes) {
        Surveys.Row row = surveys.managed(accountId, scope, surveyId);
        if (row.networkId() == null) {
            throw new DomainException.Conflict("survey.link.networkOnly");
        }
        if (surveys.status(row) != Status.DRAFT && surveys.status(row) != Status.OPEN) {
            throw new DomainException.Conflict("survey.notOpen");
        }
        if (newCodes < 0 || newCodes > Surveys.MAX_CODES) {
            throw new InvalidInput("codes", "survey.link.codes.invalid", Surveys.MAX_CODES);
        }
        String token = SecretTokens.newToken(24);
        jdbc.sql("update surveys_survey set link_hash = ?, codes_required = ? where id = ?")
                .params(SecretTokens.hash(token), codesRequired, surveyId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < newCodes; i++) {
            codes.add(SecretTokens.newToken(10));
        }
        // stored in the order of their hashes, not the list's: where a code stands in the table says nothing
        // of where it stood on the list handed out (and so whom it went to), whether or not it is used
        for (String hash : codes.stream().map(SecretTokens::hash).sorted().toList()) {
            jdbc.sql("insert into surveys_code (survey_id, code_hash) values (?, ?)").params(surveyId, hash).update();
        }
        return new Link(token, codes);
    }

    /** Stops the link; unused codes go with it. */
    @Transactional
    public void closeLink(UUID accountId, Scope scope, UUID surveyId) {
        surveys.managed(accountId, scope, surveyId);
        jdbc.sql("update surveys_survey set link_hash = null, codes_required = false where id = ?").param(surveyId)
                .update();
        jdbc.sql("delete from surveys_code where survey_id = ?").param(surveyId).update();
    }

    /** The survey behind a link, for anyone who has it; not found once the link is stopped. */
    Surveys.Row byLink(String token) {
        return jdbc.sql("select " + Surveys.COLUMNS + " from surveys_survey where link_hash = ?")
                .param(SecretTokens.hash(token == null ? "" : token)).query(Surveys.Row.class).optional()
                .orElseThrow(DomainException.NotFound::new);
    }

    public View byLinkView(String token) {
        return surveys.view(byLink(token), false);
    }
}
