package org.staffroom.surveys.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.InstanceSettings;
import org.staffroom.surveys.QuestionBank;
import org.staffroom.surveys.Responses;
import org.staffroom.surveys.Results;
import org.staffroom.surveys.Scope;
import org.staffroom.surveys.SurveyLinks;
import org.staffroom.surveys.SurveyQuestions;
import org.staffroom.surveys.Surveys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The surveys API: building, answering and results under disclosure control, for apps. */
@RestController
@Tag(name = "Surveys")
class SurveysApiController {

    /** A question from the bank by {@code code}, or one of the group's own. */
    record QuestionRequest(
            @Schema(description = "a question from the bank; kind and text are then the bank's") String code,
            String section,
            @Schema(requiredMode = REQUIRED, implementation = org.staffroom.surveys.Question.Kind.class, example = "TEXT") String kind,
            @Schema(requiredMode = REQUIRED, example = "What would make your shifts safer?") String text,
            List<String> options, Integer min, Integer max,
            Boolean breakdown, Boolean sensitive, Boolean required) {
    }

    record OpenRequest(String closesOn) {
    }

    /** Answers keyed by question id. */
    record ResponseRequest(@Schema(requiredMode = REQUIRED) Map<UUID, Responses.Answer> answers) {
    }

    record Answered(boolean answered, long turnout) {
    }

    private final Surveys surveys;
    private final SurveyQuestions questions;
    private final SurveyLinks links;
    private final Responses responses;
    private final Results results;
    private final MessageSource messages;
    private final InstanceSettings instance;
    private final CodeThrottle throttle;

    SurveysApiController(Surveys surveys, SurveyQuestions questions, SurveyLinks links, Responses responses,
            Results results, MessageSource messages, InstanceSettings instance, CodeThrottle throttle) {
        this.questions = questions;
        this.links = links;
        this.instance = instance;
        this.throttle = throttle;
        this.surveys = surveys;
        this.responses = responses;
        this.results = results;
        this.messages = messages;
    }

    @Operation(summary = "Results under disclosure control, optionally broken down by a question (its bank code or id)", description = "Members once published; organisers once closed. A hidden row has suppressed true and a "
            + "reason (FEWER_THAN_K, with the threshold, or PROTECTS_ANOTHER), and never a figure. "
            + "question (a bank code or id) gives that question's table only: the quick way to read a "
            + "network survey with many groups. A network survey of more than 50 groups broken down by a "
            + "question (by) needs question: 400 without it.")
    @GetMapping({"/api/v1/groups/{groupId}/surveys/{surveyId}/results",
            "/api/v1/networks/{networkId}/surveys/{surveyId}/results"})
    Results.View results(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId,
            @PathVariable UUID surveyId, @RequestParam(required = false) String by,
            @RequestParam(required = false) String question) {
        return results.of(me.id(), Scope.of(groupId, networkId), surveyId, by, question);
    }

    @Operation(summary = "The published tables as a printable PDF report")
    @GetMapping({"/api/v1/groups/{groupId}/surveys/{surveyId}/results.pdf",
            "/api/v1/networks/{networkId}/surveys/{surveyId}/results.pdf"})
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String question, Locale locale) {
        return ResultsPdf.download(ResultsPdf.of(results.of(me.id(), Scope.of(groupId, networkId), surveyId, by,
                question), messages, locale));
    }

    @Operation(summary = "Exactly the published tables as CSV")
    @GetMapping({"/api/v1/groups/{groupId}/surveys/{surveyId}/results.csv",
            "/api/v1/networks/{networkId}/surveys/{surveyId}/results.csv"})
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId,
            @PathVariable UUID surveyId, @RequestParam(required = false) String by,
            @RequestParam(required = false) String question, Locale locale) {
        return ResultsCsv.download(ResultsCsv
                .of(results.of(me.id(), Scope.of(groupId, networkId), surveyId, by, question), messages, locale));
    }

    private static String base(Scope scope) {
        return "/api/v1" + SurveyPages.base(scope);
    }

    @Operation(summary = "The question bank: standard questions with stable codes, and whether results may be broken down by them")
    @GetMapping("/api/v1/surveys/bank")
    List<QuestionBank.BankQuestion> bank() {
        return QuestionBank.QUESTIONS;
    }

    @Operation(summary = "Start a survey, as a draft (organisers)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping({"/api/v1/groups/{groupId}/surveys", "/api/v1/networks/{networkId}/surveys"})
    ResponseEntity<Surveys.View> create(@AuthenticationPrincipal CurrentAccount me,
            @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId,
            @RequestBody Surveys.Draft draft) {
        UUID id = surveys.create(me.id(), Scope.of(groupId, networkId), draft);
        return ResponseEntity.created(URI.create(base(Scope.of(groupId, networkId)) + "/" + id))
                .body(surveys.get(me.id(), Scope.of(groupId, networkId), id));
    }

    @Operation(summary = "The group's surveys, newest first (members; drafts for organisers only)")
    @GetMapping({"/api/v1/groups/{groupId}/surveys", "/api/v1/networks/{networkId}/surveys"})
    List<Surveys.Summary> list(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId) {
        return surveys.list(me.id(), Scope.of(groupId, networkId));
    }

    @Operation(summary = "A survey with its questions (members, once it is open; organisers)")
    @GetMapping({"/api/v1/groups/{groupId}/surveys/{surveyId}", "/api/v1/networks/{networkId}/surveys/{surveyId}"})
    Surveys.View get(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId) {
        return surveys.get(me.id(), Scope.of(groupId, networkId), surveyId);
    }

    @Operation(summary = "Add a question to a draft: {code} from the bank, or kind SINGLE, SEVERAL, SCALE, NUMBER "
            + "(with min and max) or TEXT with its text and options (organisers)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping({"/api/v1/groups/{groupId}/surveys/{surveyId}/questions",
            "/api/v1/networks/{networkId}/surveys/{surveyId}/questions"})
    ResponseEntity<Surveys.View> addQuestion(@AuthenticationPrincipal CurrentAccount me,
            @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId,
            @PathVariable UUID surveyId, @RequestBody QuestionRequest request) {
        if (request.code() != null) {
            questions.addFromBank(me.id(), Scope.of(groupId, networkId), surveyId, request.code());
        } else {
            questions.addQuestion(me.id(), Scope.of(groupId, networkId), surveyId,
                    new Surveys.NewQuestion(request.section(), request.kind(),
                            request.text(), request.options() == null ? "" : String.join("\n", request.options()),
                            request.min(), request.max(), request.breakdown(), request.sensitive(),
                            request.required()));
        }
        return ResponseEntity.status(201).body(surveys.get(me.id(), Scope.of(groupId, networkId), surveyId));
    }

    @Operation(summary = "Answer an open survey, once (members; 409 on a second response)", description = "answers: {questionId: {choices: [option numbers from 0], number, text}}. Who answered is "
            + "kept as the member's tag for the survey, apart from the answers, so it needs a token from "
            + "POST /api/v1/auth/token.")
    @ApiResponse(responseCode = "201", description = "Counted")
    @ApiResponse(responseCode = "409", description = "A second response, or the survey is not open", content = @Content(mediaType = "application/problem+json"))
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/groups/{groupId}/surveys/{surveyId}/responses")
    ResponseEntity<Answered> respond(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID surveyId, @RequestBody ResponseRequest request) {
        responses.respond(me.id(), groupId, surveyId, request.answers());
        return ResponseEntity.status(201).body(new Answered(true, responses.turnout(surveyId)));
    }

    record LinkRequest(Boolean codesRequired, Integer codes) {
    }

    record LinkJson(String url, List<String> codes) {
    }

    @Operation(summary = "Open a network survey to people outside Staffroom: a new link (the old one stops) and up to "
            + "2,000 new one-time codes, all shown once (coordinators)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/networks/{networkId}/surveys/{surveyId}/link")
    ResponseEntity<LinkJson> openLink(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID networkId,
            @PathVariable UUID surveyId, @RequestBody LinkRequest request) {
        Surveys.Link link = links.openLink(me.id(), new Scope.Network(networkId), surveyId,
                Boolean.TRUE.equals(request.codesRequired()), request.codes() == null ? 0 : request.codes());
        return ResponseEntity.status(201).body(new LinkJson(instance.link("/s/" + link.token()), link.codes()));
    }

    @Operation(summary = "Stop the link; unused codes stop working (coordinators)")
    @DeleteMapping("/api/v1/networks/{networkId}/surveys/{surveyId}/link")
    ResponseEntity<Void> closeLink(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID networkId,
            @PathVariable UUID surveyId) {
        links.closeLink(me.id(), new Scope.Network(networkId), surveyId);
        return ResponseEntity.noContent().build();
    }

    record PublicResponse(String code, @Schema(requiredMode = REQUIRED) Map<UUID, Responses.Answer> answers) {
    }

    @Operation(summary = "A network survey through its link: its questions (anyone with the link)")
    @GetMapping("/api/v1/public-surveys/{token}")
    Surveys.View apiShow(@PathVariable String token) {
        return links.byLinkView(token);
    }

    @Operation(summary = "Answer a network survey through its link (anyone with the link; a one-time code where required)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/public-surveys/{token}/responses")
    ResponseEntity<Void> apiRespond(@PathVariable String token, @RequestBody PublicResponse response,
            HttpServletRequest request) {
        throttle.guard(request, () -> responses.respondByLink(token, response.code(), response.answers()));
        return ResponseEntity.status(201).build();
    }

    @Operation(summary = "Take a question out of a draft (organisers)")
    @DeleteMapping({"/api/v1/groups/{groupId}/surveys/{surveyId}/questions/{questionId}",
            "/api/v1/networks/{networkId}/surveys/{surveyId}/questions/{questionId}"})
    ResponseEntity<Void> removeQuestion(@AuthenticationPrincipal CurrentAccount me,
            @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId,
            @PathVariable UUID surveyId, @PathVariable UUID questionId) {
        questions.removeQuestion(me.id(), Scope.of(groupId, networkId), surveyId, questionId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Open a draft for answers until the end of closesOn (organisers)")
    @PostMapping({"/api/v1/groups/{groupId}/surveys/{surveyId}/open",
            "/api/v1/networks/{networkId}/surveys/{surveyId}/open"})
    Surveys.View open(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestBody OpenRequest request) {
        surveys.open(me.id(), Scope.of(groupId, networkId), surveyId, request.closesOn());
        return surveys.get(me.id(), Scope.of(groupId, networkId), surveyId);
    }

    @Operation(summary = "Close an open survey now (organisers)")
    @PostMapping({"/api/v1/groups/{groupId}/surveys/{surveyId}/close",
            "/api/v1/networks/{networkId}/surveys/{surveyId}/close"})
    Surveys.View close(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId) {
        surveys.close(me.id(), Scope.of(groupId, networkId), surveyId);
        return surveys.get(me.id(), Scope.of(groupId, networkId), surveyId);
    }

    @Operation(summary = "Publish a closed survey's results (organisers)")
    @PostMapping({"/api/v1/groups/{groupId}/surveys/{surveyId}/publish",
            "/api/v1/networks/{networkId}/surveys/{surveyId}/publish"})
    Surveys.View publish(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId,
            @PathVariable UUID surveyId) {
        surveys.publish(me.id(), Scope.of(groupId, networkId), surveyId);
        return surveys.get(me.id(), Scope.of(groupId, networkId), surveyId);
    }

    @Operation(summary = "Copy a survey into a new draft with the same questions, to run it again (organisers)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping({"/api/v1/groups/{groupId}/surveys/{surveyId}/copy",
            "/api/v1/networks/{networkId}/surveys/{surveyId}/copy"})
    ResponseEntity<Surveys.View> copy(@AuthenticationPrincipal CurrentAccount me,
            @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId,
            @PathVariable UUID surveyId) {
        UUID id = surveys.copy(me.id(), Scope.of(groupId, networkId), surveyId);
        return ResponseEntity.created(URI.create(base(Scope.of(groupId, networkId)) + "/" + id))
                .body(surveys.get(me.id(), Scope.of(groupId, networkId), id));
    }
}
