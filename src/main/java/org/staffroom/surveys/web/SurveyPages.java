package org.staffroom.surveys.web;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.staffroom.groups.GroupView;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Networks;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.surveys.Question;
import org.staffroom.surveys.QuestionBank;
import org.staffroom.surveys.Responses;
import org.staffroom.surveys.Scope;
import org.staffroom.surveys.SurveySettings;
import org.staffroom.surveys.Surveys;

/**
 * What the survey pages share: where a group's or a network's surveys live, whose surveys a page shows, and
 * the survey's own page, which building, answering and a refused form all show again.
 */
@Component
class SurveyPages {

    static final String GROUP = "/groups/{groupId}/surveys";
    static final String NETWORK = "/networks/{networkId}/surveys";

    record QuestionForm(String section, String kind, String text, String options, @Nullable Integer min,
            @Nullable Integer max, @Nullable Boolean breakdown, @Nullable Boolean sensitive,
            @Nullable Boolean required) {

        static QuestionForm empty() {
            return new QuestionForm("", "SINGLE", "", "", null, null, false, false, false);
        }
    }

    /** Whose surveys a page shows: its title, where its surveys live, and whether this account runs them. */
    record Owner(String title, String home, String base, boolean manager) {
    }

    private final Surveys surveys;
    private final Responses responses;
    private final Groups groups;
    private final Networks networks;
    private final SurveySettings disclosure;

    SurveyPages(Surveys surveys, Responses responses, Groups groups, Networks networks, SurveySettings disclosure) {
        this.surveys = surveys;
        this.responses = responses;
        this.groups = groups;
        this.networks = networks;
        this.disclosure = disclosure;
    }

    static String base(Scope scope) {
        return (scope instanceof Scope.Group ? "/groups/" : "/networks/") + scope.id() + "/surveys";
    }

    static String page(Scope scope, UUID surveyId) {
        return base(scope) + "/" + surveyId;
    }

    /** The short name of a conflict, for the {@code problem} the survey's page shows. */
    static String problem(DomainException.Conflict e) {
        String code = e.messageCode();
        return code.startsWith("survey.wrongStatus") ? "status" : code.substring(code.lastIndexOf('.') + 1);
    }

    Owner owner(CurrentAccount me, Scope scope) {
        return switch (scope) {
            case Scope.Group group -> {
                GroupView view = groups.get(me.id(), group.id());
                yield new Owner(view.pageTitle(), "/groups/" + group.id(), base(scope), view.organiser());
            }
            case Scope.Network network -> {
                if (!networks.isCoordinator(me.id(), network.id())) {
                    throw new DomainException.NotFound();
                }
                yield new Owner(networks.view(me.id(), network.id()).name(), "/networks/" + network.id(), base(scope),
                        true);
            }
        };
    }

    /** The survey's page, with what its state and this account's part in it call for. */
    String surveyPage(CurrentAccount me, Scope scope, UUID surveyId, Model model) {
        Surveys.View survey = surveys.get(me.id(), scope, surveyId);
        model.addAttribute("survey", survey);
        model.addAttribute("base", base(scope));
        model.addAttribute("answering", scope instanceof Scope.Group);
        if (survey.status() == Surveys.Status.OPEN && scope instanceof Scope.Group group) {
            model.addAttribute("answered", responses.answered(me.id(), group.id(), surveyId));
        }
        if (survey.status() != Surveys.Status.DRAFT) {
            model.addAttribute("turnout", responses.turnout(surveyId));
            // the fewest people a figure may come from: closing with fewer hides every figure for ever
            model.addAttribute("threshold", disclosure.threshold());
        }
        if (!model.containsAttribute("given")) {
            model.addAttribute("given", Map.of());
        }
        if (survey.manager() && survey.status() == Surveys.Status.DRAFT) {
            model.addAttribute("bank", QuestionBank.QUESTIONS.stream()
                    .filter(b -> survey.questions().stream().noneMatch(q -> b.code().equals(q.code()))).toList());
            model.addAttribute("kinds", Question.Kind.values());
        }
        return "surveys/survey";
    }
}
