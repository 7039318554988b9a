package org.staffroom.surveys.web;

import static org.staffroom.surveys.web.SurveyPages.GROUP;
import static org.staffroom.surveys.web.SurveyPages.NETWORK;
import static org.staffroom.surveys.web.SurveyPages.page;
import static org.staffroom.surveys.web.SurveyPages.problem;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.shared.web.FormErrors;
import org.staffroom.shared.web.Notices;
import org.staffroom.surveys.Responses;
import org.staffroom.surveys.Scope;
import org.staffroom.surveys.SurveyLinks;
import org.staffroom.surveys.SurveyQuestions;
import org.staffroom.surveys.Surveys;
import org.staffroom.surveys.web.SurveyPages.Owner;
import org.staffroom.surveys.web.SurveyPages.QuestionForm;

/**
 * Surveys as pages, under a group ({@code /groups/{id}/surveys}: the group's own and its networks', which
 * members answer here) or a network ({@code /networks/{id}/surveys}: its coordinators build and run them):
 * the list, a survey's page, and building and running one. Answering is {@link SurveyAnswerController}'s,
 * the results {@link SurveyResultsController}'s.
 */
@Controller
class SurveyController {

    private static final Map<String, String> DONE = Map.of("created", "survey.created", "added",
            "survey.question.added",
            "removed", "survey.question.removed", "opened", "survey.opened", "closed", "survey.closedNow",
            "published", "survey.published", "copied", "survey.copied", "answered", "survey.answered",
            "saved", "survey.answer.saved", "linkStopped", "survey.link.stopped");
    private static final Map<String, String> PROBLEMS = Map.of("already", "survey.bank.already",
            "notDraft", "survey.notDraft", "noQuestions", "survey.noQuestions", "tooMany", "survey.question.tooMany",
            "status", "survey.wrongStatus", "alreadyAnswered", "survey.alreadyAnswered", "notOpen", "survey.notOpen");

    private final Surveys surveys;
    private final SurveyQuestions questions;
    private final SurveyLinks links;
    private final Responses responses;
    private final InstanceSettings instance;
    private final SurveyPages pages;

    SurveyController(Surveys surveys, SurveyQuestions questions, SurveyLinks links, Responses responses,
            InstanceSettings instance, SurveyPages pages) {
        this.surveys = surveys;
        this.questions = questions;
        this.links = links;
        this.responses = responses;
        this.instance = instance;
        this.pages = pages;
    }

    @GetMapping({GROUP, NETWORK})
    String list(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, Model model) {
        Scope scope = Scope.of(groupId, networkId);
        model.addAttribute("owner", pages.owner(me, scope));
        model.addAttribute("surveys", surveys.list(me.id(), scope));
        return "surveys/list";
    }

    @GetMapping({GROUP + "/new", NETWORK + "/new"})
    String form(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, Model model) {
        Owner owner = pages.owner(me, Scope.of(groupId, networkId));
        if (!owner.manager()) {
            throw new DomainException.Forbidden("error.organisersOnly");
        }
        model.addAttribute("owner", owner);
        model.addAttribute("form", new Surveys.Draft("", ""));
        return "surveys/new";
    }

    @PostMapping({GROUP, NETWORK})
    String create(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @ModelAttribute("form") Surveys.Draft form,
            BindingResult result, Model model) {
        Scope scope = Scope.of(groupId, networkId);
        try {
            return "redirect:" + page(scope, surveys.create(me.id(), scope, form)) + "?done=created";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            model.addAttribute("owner", pages.owner(me, scope));
            return "surveys/new";
        }
    }

    @GetMapping({GROUP + "/{surveyId}", NETWORK + "/{surveyId}"})
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestParam(required = false) String done, @RequestParam(required = false) String problem,
            @CookieValue(name = SurveyAnswerController.DRAFT_COOKIE, required = false) String draft, Model model) {
        Notices.fromQuery(model, done, problem, DONE, PROBLEMS);
        model.addAttribute("question", QuestionForm.empty());
        model.addAttribute("given", responses.draft(me.id(), surveyId, draft));
        return pages.surveyPage(me, Scope.of(groupId, networkId), surveyId, model);
    }

    @PostMapping({GROUP + "/{surveyId}/questions", NETWORK + "/{surveyId}/questions"})
    String addQuestion(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @ModelAttribute("question") QuestionForm form, BindingResult result, Model model) {
        Scope scope = Scope.of(groupId, networkId);
        try {
            questions.addQuestion(me.id(), scope, surveyId, new Surveys.NewQuestion(form.section(), form.kind(),
                    form.text(), form.options(), form.min(), form.max(), form.breakdown(), form.sensitive(),
                    form.required()));
            return "redirect:" + page(scope, surveyId) + "?done=added#questions-heading";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return pages.surveyPage(me, scope, surveyId, model);
        } catch (DomainException.Conflict e) {
            return "redirect:" + page(scope, surveyId) + "?problem=" + problem(e);
        }
    }

    @PostMapping({GROUP + "/{surveyId}/questions/bank", NETWORK + "/{surveyId}/questions/bank"})
    String addFromBank(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestParam(defaultValue = "") String code) {
        Scope scope = Scope.of(groupId, networkId);
        return act(scope, surveyId, "added", () -> questions.addFromBank(me.id(), scope, surveyId, code));
    }

    @PostMapping({GROUP + "/{surveyId}/questions/{questionId}/remove",
            NETWORK + "/{surveyId}/questions/{questionId}/remove"})
    String remove(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @PathVariable UUID questionId) {
        Scope scope = Scope.of(groupId, networkId);
        return act(scope, surveyId, "removed", () -> questions.removeQuestion(me.id(), scope, surveyId, questionId));
    }

    @PostMapping({GROUP + "/{surveyId}/open", NETWORK + "/{surveyId}/open"})
    String open(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestParam(defaultValue = "") String closesOn, Model model) {
        Scope scope = Scope.of(groupId, networkId);
        try {
            return act(scope, surveyId, "opened", () -> surveys.open(me.id(), scope, surveyId, closesOn));
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("question", QuestionForm.empty());
            model.addAttribute("openError", e.messageCode());
            return pages.surveyPage(me, scope, surveyId, model);
        }
    }

    @PostMapping({GROUP + "/{surveyId}/close", NETWORK + "/{surveyId}/close"})
    String close(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId) {
        Scope scope = Scope.of(groupId, networkId);
        return act(scope, surveyId, "closed", () -> surveys.close(me.id(), scope, surveyId));
    }

    @PostMapping({GROUP + "/{surveyId}/publish", NETWORK + "/{surveyId}/publish"})
    String publish(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId) {
        Scope scope = Scope.of(groupId, networkId);
        return act(scope, surveyId, "published", () -> surveys.publish(me.id(), scope, surveyId));
    }

    @PostMapping({GROUP + "/{surveyId}/copy", NETWORK + "/{surveyId}/copy"})
    String copy(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId) {
        Scope scope = Scope.of(groupId, networkId);
        return "redirect:" + page(scope, surveys.copy(me.id(), scope, surveyId)) + "?done=copied";
    }

    /** A new link for people outside Staffroom, shown once on the page that answers, with any new codes. */
    @PostMapping(NETWORK + "/{surveyId}/link")
    String openLink(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID networkId,
            @PathVariable UUID surveyId,
            @RequestParam(defaultValue = "false") boolean codesRequired, @RequestParam(defaultValue = "0") String codes,
            Model model) {
        Scope scope = new Scope.Network(networkId);
        model.addAttribute("question", QuestionForm.empty());
        try {
            int count;
            try {
                count = Integer.parseInt(codes.strip());
            } catch (NumberFormatException e) {
                throw new DomainException.InvalidInput("codes", "survey.link.codes.invalid", Surveys.MAX_CODES);
            }
            Surveys.Link link = links.openLink(me.id(), scope, surveyId, codesRequired, count);
            model.addAttribute("link", link);
            model.addAttribute("linkUrl", instance.link("/s/" + link.token()));
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("linkError", e.messageCode());
        } catch (DomainException.Conflict e) {
            return "redirect:" + page(scope, surveyId) + "?problem=" + problem(e);
        }
        return pages.surveyPage(me, scope, surveyId, model);
    }

    @PostMapping(NETWORK + "/{surveyId}/link/close")
    String closeLink(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID networkId,
            @PathVariable UUID surveyId) {
        Scope scope = new Scope.Network(networkId);
        links.closeLink(me.id(), scope, surveyId);
        return "redirect:" + page(scope, surveyId) + "?done=linkStopped";
    }

    /** Runs an action of whoever runs the survey and comes back to it, with a notice or the conflict that stopped it. */
    private static String act(Scope scope, UUID surveyId, String done, Runnable action) {
        try {
            action.run();
            return "redirect:" + page(scope, surveyId) + "?done=" + done;
        } catch (DomainException.Conflict e) {
            return "redirect:" + page(scope, surveyId) + "?problem=" + problem(e);
        }
    }
}
