package org.staffroom.concerns.web;

import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.shared.web.Notices;

/** The query notices of the concern and grievance pages (see {@link Notices}). */
@ControllerAdvice(assignableTypes = {ConcernController.class, GrievanceController.class})
class QueryNotices {

    static final Map<String, String> DONE = Map.of(
            "cosigned", "concern.cosign.thanks",
            "commented", "comment.added",
            "informed", "grievance.infoAdded");

    static final Map<String, String> PROBLEMS = Map.of(
            "alreadyCosigned", "concern.alreadyCosigned",
            "ownConcern", "concern.ownConcern",
            "notOpen", "concern.notOpen",
            "alreadySent", "concern.alreadySent",
            "commentEmpty", "comment.text.required",
            "commentTooLong", "comment.text.tooLong",
            "commentCharacters", "comment.text.controlCharacters");

    @ModelAttribute
    void notices(@RequestParam(name = "done", required = false) String done,
            @RequestParam(name = "problem", required = false) String problem, Model model) {
        Notices.fromQuery(model, done, problem, DONE, PROBLEMS);
    }

    /** The query name of a refusal's message code, for the redirect. */
    static String problemFor(String messageCode) {
        return PROBLEMS.entrySet().stream().filter(e -> e.getValue().equals(messageCode)).map(Map.Entry::getKey)
                .findFirst().orElse("notOpen");
    }
}
