package org.staffroom.surveys.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.groups.Groups;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.web.FormErrors;
import org.staffroom.shared.web.Notices;
import org.staffroom.surveys.Question;
import org.staffroom.surveys.QuestionBank;
import org.staffroom.surveys.Responses;
import org.staffroom.surveys.Results;
import org.staffroom.identity.AnonymousTags;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import org.staffroom.surveys.Surveys;

/** A group's surveys as pages: the list, a new survey, and a survey (its builder while it is a draft). */
@Controller
class SurveyController {

    record QuestionForm(String section, String kind, String text, String options, Integer min, Integer max,
            Boolean breakdown, Boolean sensitive, Boolean required) {

        static QuestionForm empty() {
            return new QuestionForm("", "SINGLE", "", "", null, null, false, false, false);
        }
    }

    private static final Map<String, String> DONE = Map.of("created", "survey.created", "added", "survey.question.added",
            "removed", "survey.question.removed", "opened", "survey.opened", "closed", "survey.closedNow",
            "published", "survey.published", "copied", "survey.copied", "answered", "survey.answered",
            "saved", "survey.answer.saved");
    private static final Map<String, String> PROBLEMS = Map.of("already", "survey.bank.already",
            "notDraft", "survey.notDraft", "noQuestions", "survey.noQuestions", "tooMany", "survey.question.tooMany",
            "status", "survey.wrongStatus", "alreadyAnswered", "survey.alreadyAnswered", "notOpen", "survey.notOpen");

    private final Surveys surveys;
    private final Responses responses;
    private final Results results;
    private final Groups groups;
    private final MessageSource messages;

    SurveyController(Surveys surveys, Responses responses, Results results, Groups groups, MessageSource messages) {
        this.surveys = surveys;
        this.responses = responses;
        this.results = results;
        this.groups = groups;
        this.messages = messages;
    }

    @GetMapping("/groups/{groupId}/surveys/{surveyId}/results")
    String results(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID surveyId,
            @RequestParam(required = false) String by, Model model) {
        model.addAttribute("results", results.of(me.id(), groupId, surveyId, by));
        return "surveys/results";
    }

    @GetMapping("/groups/{groupId}/surveys/{surveyId}/results.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID surveyId, @RequestParam(required = false) String by, Locale locale) {
        return csvFile(ResultsCsv.of(results.of(me.id(), groupId, surveyId, by), messages, locale));
    }

    static ResponseEntity<byte[]> csvFile(String csv) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("staffroom-survey-results.csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    static String page(UUID groupId, UUID surveyId) {
        return "/groups/" + groupId + "/surveys/" + surveyId;
    }

    @GetMapping("/groups/{groupId}/surveys")
    String list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        model.addAttribute("surveys", surveys.list(me.id(), groupId));
        return "surveys/list";
    }

    @GetMapping("/groups/{groupId}/surveys/new")
    String form(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.getAsOrganiser(me.id(), groupId));
        model.addAttribute("form", new Surveys.Draft("", ""));
        return "surveys/new";
    }

    @PostMapping("/groups/{groupId}/surveys")
    String create(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @ModelAttribute("form") Surveys.Draft form, BindingResult result, Model model) {
        try {
            return "redirect:" + page(groupId, surveys.create(me.id(), groupId, form)) + "?done=created";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            model.addAttribute("group", groups.getAsOrganiser(me.id(), groupId));
            return "surveys/new";
        }
    }

    @GetMapping("/groups/{groupId}/surveys/{surveyId}")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID surveyId,
            @RequestParam(required = false) String done, @RequestParam(required = false) String problem,
            @CookieValue(name = DRAFT_COOKIE, required = false) String draft, Model model) {
        Notices.fromQuery(model, done, problem, DONE, PROBLEMS);
        if (!model.containsAttribute("question")) {
            model.addAttribute("question", QuestionForm.empty());
        }
        model.addAttribute("given", responses.draft(me.id(), surveyId, draft));
        return surveyPage(me, groupId, surveyId, model);
    }

    /** The device's token for answers saved part-way; one cookie per survey, sent only to its pages. */
    static final String DRAFT_COOKIE = "SR_SURVEY_DRAFT";

    private static void rememberDraft(HttpServletRequest request, HttpServletResponse response, String path,
            String token) {
        Cookie cookie = new Cookie(DRAFT_COOKIE, token == null ? "" : token);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(path);
        cookie.setMaxAge(token == null ? 0 : (int) java.time.Duration.ofDays(90).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private String surveyPage(CurrentAccount me, UUID groupId, UUID surveyId, Model model) {
        Surveys.View survey = surveys.get(me.id(), groupId, surveyId);
        model.addAttribute("survey", survey);
        if (survey.status() == Surveys.Status.OPEN) {
            model.addAttribute("answered", responses.answered(me.id(), groupId, surveyId));
        }
        if (survey.status() != Surveys.Status.DRAFT) {
            model.addAttribute("turnout", responses.turnout(surveyId));
        }
        if (!model.containsAttribute("given")) {
            model.addAttribute("given", Map.of());
        }
        if (survey.organiser() && survey.status() == Surveys.Status.DRAFT) {
            model.addAttribute("bank", QuestionBank.QUESTIONS.stream()
                    .filter(b -> survey.questions().stream().noneMatch(q -> b.code().equals(q.code()))).toList());
            model.addAttribute("kinds", Question.Kind.values());
        }
        return "surveys/survey";
    }

    @PostMapping("/groups/{groupId}/surveys/{surveyId}/questions")
    String addQuestion(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID surveyId, @ModelAttribute("question") QuestionForm form, BindingResult result,
            Model model) {
        try {
            surveys.addQuestion(me.id(), groupId, surveyId, new Surveys.NewQuestion(form.section(), form.kind(),
                    form.text(), form.options(), form.min(), form.max(), form.breakdown(), form.sensitive(),
                    form.required()));
            return "redirect:" + page(groupId, surveyId) + "?done=added#questions-heading";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return surveyPage(me, groupId, surveyId, model);
        } catch (DomainException.Conflict e) {
            return "redirect:" + page(groupId, surveyId) + "?problem=" + problem(e);
        }
    }

    /**
     * The answer form: {@code q.<questionId>} holds an option's number (choose one, the scale), several of
     * them (choose any), a number or a text. A refused answer shows the form again, filled in as sent.
     */
    @PostMapping("/groups/{groupId}/surveys/{surveyId}/responses")
    String respond(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID surveyId,
            @RequestParam MultiValueMap<String, String> form, @RequestParam(defaultValue = "send") String action,
            @CookieValue(name = DRAFT_COOKIE, required = false) String draft, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        String page = page(groupId, surveyId);
        Map<String, List<String>> given = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("q.")) {
                given.put(name.substring(2), values.stream().filter(v -> !v.isBlank()).toList());
            }
        });
        try {
            if (action.equals("save")) {
                rememberDraft(request, response, page, responses.saveDraft(me.id(), groupId, surveyId, draft, given));
                return "redirect:" + page + "?done=saved#answer-heading";
            }
            Map<UUID, Responses.Answer> answers = new HashMap<>();
            for (Question question : surveys.get(me.id(), groupId, surveyId).questions()) {
                answers.put(question.id(), answer(question, given.getOrDefault(question.id().toString(), List.of())));
            }
            responses.respond(me.id(), groupId, surveyId, answers, draft);
            if (draft != null) {
                rememberDraft(request, response, page, null);
            }
            return "redirect:" + page + "?done=answered";
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("given", given);
            model.addAttribute("answerError", e);
            model.addAttribute("question", QuestionForm.empty());
            return surveyPage(me, groupId, surveyId, model);
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem=" + problem(e);
        } catch (DomainException.Forbidden e) {
            if (AnonymousTags.LOCKED.equals(e.messageCode())) {
                return "redirect:/account/unlock?then=" + page;
            }
            throw e;
        }
    }

    private static Responses.Answer answer(Question question, List<String> values) {
        try {
            return switch (question.kind()) {
                case NUMBER -> new Responses.Answer(null, values.isEmpty() ? null : Integer.valueOf(values.getFirst().strip()), null);
                case TEXT -> new Responses.Answer(null, null, values.isEmpty() ? null : values.getFirst());
                default -> new Responses.Answer(values.stream().map(v -> Integer.valueOf(v.strip())).toList(), null, null);
            };
        } catch (NumberFormatException e) {
            throw question.kind() == Question.Kind.NUMBER
                    ? new DomainException.InvalidInput(question.id().toString(), "survey.answer.number", question.min(),
                            question.max())
                    : new DomainException.InvalidInput(question.id().toString(), "survey.answer.choices");
        }
    }

    @PostMapping("/groups/{groupId}/surveys/{surveyId}/questions/bank")
    String addFromBank(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID surveyId, @RequestParam(defaultValue = "") String code) {
        return act(groupId, surveyId, "added", () -> surveys.addFromBank(me.id(), groupId, surveyId, code));
    }

    @PostMapping("/groups/{groupId}/surveys/{surveyId}/questions/{questionId}/remove")
    String remove(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID surveyId,
            @PathVariable UUID questionId) {
        return act(groupId, surveyId, "removed", () -> surveys.removeQuestion(me.id(), groupId, surveyId, questionId));
    }

    @PostMapping("/groups/{groupId}/surveys/{surveyId}/open")
    String open(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID surveyId,
            @RequestParam(defaultValue = "") String closesOn, Model model) {
        try {
            return act(groupId, surveyId, "opened", () -> surveys.open(me.id(), groupId, surveyId, closesOn));
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("question", QuestionForm.empty());
            model.addAttribute("openError", e.messageCode());
            return surveyPage(me, groupId, surveyId, model);
        }
    }

    @PostMapping("/groups/{groupId}/surveys/{surveyId}/close")
    String close(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID surveyId) {
        return act(groupId, surveyId, "closed", () -> surveys.close(me.id(), groupId, surveyId));
    }

    @PostMapping("/groups/{groupId}/surveys/{surveyId}/publish")
    String publish(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID surveyId) {
        return act(groupId, surveyId, "published", () -> surveys.publish(me.id(), groupId, surveyId));
    }

    @PostMapping("/groups/{groupId}/surveys/{surveyId}/copy")
    String copy(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID surveyId) {
        return "redirect:" + page(groupId, surveys.copy(me.id(), groupId, surveyId)) + "?done=copied";
    }

    /** Runs an organiser's action and comes back to the survey, with a notice or the conflict that stopped it. */
    private static String act(UUID groupId, UUID surveyId, String done, Runnable action) {
        try {
            action.run();
            return "redirect:" + page(groupId, surveyId) + "?done=" + done;
        } catch (DomainException.Conflict e) {
            return "redirect:" + page(groupId, surveyId) + "?problem=" + problem(e);
        }
    }

    private static String problem(DomainException.Conflict e) {
        String code = e.messageCode();
        return code.startsWith("survey.wrongStatus") ? "status" : code.substring(code.lastIndexOf('.') + 1);
    }
}
