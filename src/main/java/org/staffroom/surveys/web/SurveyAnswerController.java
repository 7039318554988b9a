package org.staffroom.surveys.web;

import static org.staffroom.surveys.web.SurveyPages.GROUP;
import static org.staffroom.surveys.web.SurveyPages.page;
import static org.staffroom.surveys.web.SurveyPages.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.surveys.Responses;
import org.staffroom.surveys.Scope;
import org.staffroom.surveys.Surveys;

/** A member answers a survey on its page in their group: sends the answers, or keeps them on this device. */
@Controller
class SurveyAnswerController {

    /** The device's token for answers saved part-way; one cookie per survey, sent only to its pages. */
    static final String DRAFT_COOKIE = "SR_SURVEY_DRAFT";

    private final Surveys surveys;
    private final Responses responses;
    private final SurveyPages pages;

    SurveyAnswerController(Surveys surveys, Responses responses, SurveyPages pages) {
        this.surveys = surveys;
        this.responses = responses;
        this.pages = pages;
    }

    /**
     * The answer form, in a group: {@code q.<questionId>} holds an option's number (choose one, the scale),
     * several of them (choose any), a number or a text. A refused answer shows the form again, filled in as
     * sent; {@code action=save} keeps the answers so far on this device instead.
     */
    @PostMapping(GROUP + "/{surveyId}/responses")
    String respond(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID surveyId,
            @RequestParam MultiValueMap<String, String> form, @RequestParam(defaultValue = "send") String action,
            @CookieValue(name = DRAFT_COOKIE, required = false) String draft, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Scope scope = new Scope.Group(groupId);
        String page = page(scope, surveyId);
        AnswerForm answers = AnswerForm.of(form);
        Map<String, List<String>> given = answers.given();
        try {
            if (action.equals("save")) {
                rememberDraft(request, response, page, responses.saveDraft(me.id(), groupId, surveyId, draft, given));
                return "redirect:" + page + "?done=saved#answer-heading";
            }
            responses.respond(me.id(), groupId, surveyId,
                    answers.answers(surveys.get(me.id(), scope, surveyId).questions()),
                    draft);
            if (draft != null) {
                rememberDraft(request, response, page, null);
            }
            return "redirect:" + page + "?done=answered";
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("given", given);
            model.addAttribute("answerError", e);
            model.addAttribute("question", SurveyPages.QuestionForm.empty());
            return pages.surveyPage(me, scope, surveyId, model);
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem=" + problem(e);
        }
    }

    private static void rememberDraft(HttpServletRequest request, HttpServletResponse response, String path,
            @Nullable String token) {
        Cookie cookie = new Cookie(DRAFT_COOKIE, token == null ? "" : token);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(path);
        cookie.setMaxAge(token == null ? 0 : (int) Duration.ofDays(90).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
