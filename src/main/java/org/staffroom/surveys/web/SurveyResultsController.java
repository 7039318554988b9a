package org.staffroom.surveys.web;

import static org.staffroom.surveys.web.SurveyPages.GROUP;
import static org.staffroom.surveys.web.SurveyPages.NETWORK;
import static org.staffroom.surveys.web.SurveyPages.base;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.surveys.Results;
import org.staffroom.surveys.Scope;

/** A survey's results as a page, and the same tables as a CSV file or a printable PDF. */
@Controller
class SurveyResultsController {

    private final Results results;
    private final MessageSource messages;

    SurveyResultsController(Results results, MessageSource messages) {
        this.results = results;
        this.messages = messages;
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
        return ResultsCsv.download(ResultsCsv
                .of(results.forPage(me.id(), Scope.of(groupId, networkId), surveyId, by, question), messages, locale));
    }

    @GetMapping({GROUP + "/{surveyId}/results.pdf", NETWORK + "/{surveyId}/results.pdf"})
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentAccount me, @PathVariable(required = false) UUID groupId,
            @PathVariable(required = false) UUID networkId, @PathVariable UUID surveyId,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String question, Locale locale) {
        return ResultsPdf.download(ResultsPdf
                .of(results.forPage(me.id(), Scope.of(groupId, networkId), surveyId, by, question), messages, locale));
    }
}
