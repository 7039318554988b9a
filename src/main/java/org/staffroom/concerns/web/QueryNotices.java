package org.staffroom.concerns.web;

import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Notices after actions that may be anonymous (co-signing, commenting, adding information) travel in the
 * redirect's query, not as flash attributes: a flash attribute is kept in the session, in the database,
 * beside the member's id and the page of the concern, which would link them until the next request.
 * Only the names below are understood, so a crafted link can show nothing else.
 */
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
            "commentEmpty", "comment.text.required",
            "commentTooLong", "comment.text.tooLong",
            "commentCharacters", "comment.text.controlCharacters");

    @ModelAttribute
    void notices(@RequestParam(name = "done", required = false) String done,
            @RequestParam(name = "problem", required = false) String problem, Model model) {
        if (done != null && DONE.containsKey(done) && !model.containsAttribute("notice")) {
            model.addAttribute("notice", DONE.get(done));
        }
        if (problem != null && PROBLEMS.containsKey(problem) && !model.containsAttribute("problem")) {
            model.addAttribute("problem", PROBLEMS.get(problem));
        }
    }

    /** The query name of a refusal's message code, for the redirect. */
    static String problemFor(String messageCode) {
        return PROBLEMS.entrySet().stream().filter(e -> e.getValue().equals(messageCode)).map(Map.Entry::getKey)
                .findFirst().orElse("notOpen");
    }
}
