package org.staffroom.surveys;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.staffroom.groups.GroupActivity;

/**
 * The open surveys of a group (its own and its networks') that the member has not answered. Whether they have
 * is known only while their signing secret is unlocked; while it is locked the survey is listed, as its page
 * asks them to unlock.
 */
@Component
class SurveysToDo implements GroupActivity {

    private final Surveys surveys;
    private final Responses responses;

    SurveysToDo(Surveys surveys, Responses responses) {
        this.surveys = surveys;
        this.responses = responses;
    }

    @Override
    public List<Task> toDo(UUID groupId, UUID accountId) {
        return surveys.list(accountId, new Scope.Group(groupId)).stream()
                .filter(survey -> survey.status() == Surveys.Status.OPEN)
                .filter(survey -> !Boolean.TRUE.equals(responses.answered(accountId, groupId, survey.id())))
                .map(survey -> new Task("toDo.survey", survey.title(), "/groups/" + groupId + "/surveys/" + survey.id(),
                        survey.closesOn() == null ? null : survey.closesOn().atStartOfDay(), false, false))
                .toList();
    }
}
