package org.staffroom.surveys.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.groups.GroupView;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Networks;
import org.staffroom.identity.AnonymousTags;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.shared.web.FormErrors;
import org.staffroom.shared.web.Notices;
import org.staffroom.surveys.Question;
import org.staffroom.surveys.QuestionBank;
import org.staffroom.surveys.Responses;
import org.staffroom.surveys.Results;
import org.staffroom.surveys.Scope;
import org.staffroom.surveys.Surveys;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Surveys as pages, under a group ({@code /groups/{id}/surveys}: the group's own and its networks', which
 * members answer here) or a network ({@code /networks/{id}/surveys}: its coordinators build and run them).
 */
@Controller
class SurveyController {

    record QuestionForm(String section, String kind, String text, String options, Integer min, Integer max,
            Boolean breakdown, Boolean sensitive, Boolean required) {

        static QuestionForm empty() {
            return new QuestionForm("", "SINGLE", "", "", null, null, false, false, false);
        }
    }

    /** Whose surveys a page shows: its title, where its surveys live, and whether this account runs them. */
    record Owner(String title, String home, String base, boolean manager) {
    }

    private static final String GROUP = "/groups/{groupId}/surveys";
    private static final String NETWORK = "/networks/{networkId}/surveys";

    private static final Map<String, String> DONE = Map.of("created", "survey.created", "added", "survey.question.added",
            "removed", "survey.question.removed", "opened", "survey.opened", "closed", "survey.closedNow",
            "published", "survey.published", "copied", "survey.copied", "answered", "survey.answered",
            "saved", "survey.answer.saved", "linkStopped", "survey.link.stopped");
    private static final Map<String, String> PROBLEMS = Map.of("already", "survey.bank.already",
            "notDraft", "survey.notDraft", "noQuestions", "survey.noQuestions", "tooMany", "survey.question.tooMany",
            "status", "survey.wrongStatus", "alreadyAnswered", "survey.alreadyAnswered", "notOpen", "survey.notOpen");

    /** The device's token for answers saved part-way; one cookie per survey, sent only to its pages. */
    static final String DRAFT_COOKIE = "SR_SURVEY_DRAFT";

    private final Surveys surveys;
    private final org.staffroom.surveys.SurveySettings disclosure;
    private final Responses responses;
    private final Results results;
    private final Groups groups;
    private final Networks networks;
    private final MessageSource messages;
    private final InstanceSettings instance;

    SurveyController(Surveys surveys, Responses responses, Results results, Groups groups, Networks networks,
            MessageSource messages, InstanceSettings instance, org.staffroom.surveys.SurveySettings disclosure) {
        this.disclosure = disclosure;
        this.instance = instance;
        this.surveys = surveys;
        this.responses = responses;
        this.results = results;
        this.groups = groups;
        this.networks = networks;
        this.messages = messages;
    }

    static String base(Scope scope) {
        return (scope instanceof Scope.Group ? "/groups/" : "/networks/") + scope.id() + "/surveys";
    }

    static String page(Scope scope, UUID surveyId) {
        return base(scope) + "/" + surveyId;
    }

    private Owner owner(CurrentAccount me, Scope scope) {
        return switch (scope) {
            case Scope.Group group -> {
                GroupView view = groups.get(me.id(), group.id());
                yield new Owner(view.pageTitle(), "/groups/" + group.id(), base(scope), view.organiser());
            }
            case Scope.Network network -> {
                if (!networks.isCoordinator(me.id(), network.id())) {
                    throw new DomainException.NotFound();
                }
                yield new Owner(networks.view(me.id(), network.id()).name(), "/networks/" + network.id(), base(scope), true);
            }
        };
    }

    @GetMapping({GROUP, NETWORK})
    String list(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, Model model) {
        Scope scope = Scope.of(groupId, networkId);
        model.addAttribute("owner", owner(me, scope));
        model.addAttribute("surveys", surveys.list(me.id(), scope));
        return "surveys/list";
    }

    @GetMapping({GROUP + "/new", NETWORK + "/new"})
    String form(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, Model model) {
        Owner owner = owner(me, Scope.of(groupId, networkId));
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
            model.addAttribute("owner", owner(me, scope));
            return "surveys/new";
        }
    }

    @GetMapping({GROUP + "/{surveyId}", NETWORK + "/{surveyId}"})
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestParam(required = false) String done, @RequestParam(required = false) String problem,
            @CookieValue(name = DRAFT_COOKIE, required = false) String draft, Model model) {
        Notices.fromQuery(model, done, problem, DONE, PROBLEMS);
        model.addAttribute("question", QuestionForm.empty());
        model.addAttribute("given", responses.draft(me.id(), surveyId, draft));
        return surveyPage(me, Scope.of(groupId, networkId), surveyId, model);
    }

    private String surveyPage(CurrentAccount me, Scope scope, UUID surveyId, Model model) {
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

    @GetMapping({GROUP + "/{surveyId}/results", NETWORK + "/{surveyId}/results"})
    String results(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String question, Model model) {
        Scope scope = Scope.of(groupId, networkId);
        model.addAttribute("results", results.forPage(me.id(), scope, surveyId, by, question));
        model.addAttribute("base", base(scope));
        return "surveys/results";
    }

    @GetMapping({GROUP + "/{surveyId}/results.csv", NETWORK + "/{surveyId}/results.csv"})
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String question, Locale locale) {
        return csvFile(ResultsCsv.of(results.forPage(me.id(), Scope.of(groupId, networkId), surveyId, by, question), messages, locale));
    }

    @GetMapping({GROUP + "/{surveyId}/results.pdf", NETWORK + "/{surveyId}/results.pdf"})
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String question, Locale locale) {
        return pdfFile(ResultsPdf.of(results.forPage(me.id(), Scope.of(groupId, networkId), surveyId, by, question), messages, locale));
    }

    static ResponseEntity<byte[]> pdfFile(byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("staffroom-survey-results.pdf").build().toString())
                .body(pdf);
    }

    static ResponseEntity<byte[]> csvFile(String csv) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("staffroom-survey-results.csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping({GROUP + "/{surveyId}/questions", NETWORK + "/{surveyId}/questions"})
    String addQuestion(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @ModelAttribute("question") QuestionForm form, BindingResult result, Model model) {
        Scope scope = Scope.of(groupId, networkId);
        try {
            surveys.addQuestion(me.id(), scope, surveyId, new Surveys.NewQuestion(form.section(), form.kind(),
                    form.text(), form.options(), form.min(), form.max(), form.breakdown(), form.sensitive(),
                    form.required()));
            return "redirect:" + page(scope, surveyId) + "?done=added#questions-heading";
        } catch (DomainException.InvalidInput e) {
            FormErrors.reject(result, e);
            return surveyPage(me, scope, surveyId, model);
        } catch (DomainException.Conflict e) {
            return "redirect:" + page(scope, surveyId) + "?problem=" + problem(e);
        }
    }

    @PostMapping({GROUP + "/{surveyId}/questions/bank", NETWORK + "/{surveyId}/questions/bank"})
    String addFromBank(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestParam(defaultValue = "") String code) {
        Scope scope = Scope.of(groupId, networkId);
        return act(scope, surveyId, "added", () -> surveys.addFromBank(me.id(), scope, surveyId, code));
    }

    @PostMapping({GROUP + "/{surveyId}/questions/{questionId}/remove", NETWORK + "/{surveyId}/questions/{questionId}/remove"})
    String remove(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId, @PathVariable UUID questionId) {
        Scope scope = Scope.of(groupId, networkId);
        return act(scope, surveyId, "removed", () -> surveys.removeQuestion(me.id(), scope, surveyId, questionId));
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
            return surveyPage(me, scope, surveyId, model);
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
    String openLink(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID networkId, @PathVariable UUID surveyId,
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
            Surveys.Link link = surveys.openLink(me.id(), scope, surveyId, codesRequired, count);
            model.addAttribute("link", link);
            model.addAttribute("linkUrl", instance.link("/s/" + link.token()));
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("linkError", e.messageCode());
        } catch (DomainException.Conflict e) {
            return "redirect:" + page(scope, surveyId) + "?problem=" + problem(e);
        }
        return surveyPage(me, scope, surveyId, model);
    }

    @PostMapping(NETWORK + "/{surveyId}/link/close")
    String closeLink(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID networkId,
            @PathVariable UUID surveyId) {
        Scope scope = new Scope.Network(networkId);
        surveys.closeLink(me.id(), scope, surveyId);
        return "redirect:" + page(scope, surveyId) + "?done=linkStopped";
    }

    /** The form's answers: {@code q.<questionId>} to the values given, blanks left out. */
    static Map<String, List<String>> given(MultiValueMap<String, String> form) {
        Map<String, List<String>> given = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("q.")) {
                given.put(name.substring(2), values.stream().filter(v -> !v.isBlank()).toList());
            }
        });
        return given;
    }

    /** The answers as the domain takes them, question by question; a number or choice that is not one is refused. */
    static Map<UUID, Responses.Answer> answers(List<Question> questions, Map<String, List<String>> given) {
        Map<UUID, Responses.Answer> answers = new HashMap<>();
        for (Question question : questions) {
            answers.put(question.id(), answer(question, given.getOrDefault(question.id().toString(), List.of())));
        }
        return answers;
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
        Map<String, List<String>> given = given(form);
        try {
            if (action.equals("save")) {
                rememberDraft(request, response, page, responses.saveDraft(me.id(), groupId, surveyId, draft, given));
                return "redirect:" + page + "?done=saved#answer-heading";
            }
            responses.respond(me.id(), groupId, surveyId, answers(surveys.get(me.id(), scope, surveyId).questions(), given),
                    draft);
            if (draft != null) {
                rememberDraft(request, response, page, null);
            }
            return "redirect:" + page + "?done=answered";
        } catch (DomainException.InvalidInput e) {
            model.addAttribute("given", given);
            model.addAttribute("answerError", e);
            model.addAttribute("question", QuestionForm.empty());
            return surveyPage(me, scope, surveyId, model);
        } catch (DomainException.Conflict e) {
            return "redirect:" + page + "?problem=" + problem(e);
        } catch (DomainException.Forbidden e) {
            if (AnonymousTags.LOCKED.equals(e.messageCode())) {
                return "redirect:/account/unlock?then=" + page;
            }
            throw e;
        }
    }

    private static void rememberDraft(HttpServletRequest request, HttpServletResponse response, String path,
            String token) {
        Cookie cookie = new Cookie(DRAFT_COOKIE, token == null ? "" : token);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(path);
        cookie.setMaxAge(token == null ? 0 : (int) Duration.ofDays(90).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
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

    /** Runs an action of whoever runs the survey and comes back to it, with a notice or the conflict that stopped it. */
    private static String act(Scope scope, UUID surveyId, String done, Runnable action) {
        try {
            action.run();
            return "redirect:" + page(scope, surveyId) + "?done=" + done;
        } catch (DomainException.Conflict e) {
            return "redirect:" + page(scope, surveyId) + "?problem=" + problem(e);
        }
    }

    private static String problem(DomainException.Conflict e) {
        String code = e.messageCode();
        return code.startsWith("survey.wrongStatus") ? "status" : code.substring(code.lastIndexOf('.') + 1);
    }
}
