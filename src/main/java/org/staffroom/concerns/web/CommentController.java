package org.staffroom.concerns.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.concerns.Comments;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.shared.DomainException;

/** Comments on concerns and grievances, from the pages; every action returns to the page it came from. */
@Controller
class CommentController {

    private final Comments comments;

    CommentController(Comments comments) {
        this.comments = comments;
    }

    @PostMapping("/groups/{groupId}/concerns/{concernId}/comments")
    String onConcern(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID concernId, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "true") boolean anonymous, RedirectAttributes redirect) {
        return add(me, groupId, Comments.On.CONCERN, concernId, text, anonymous, redirect,
                "/groups/" + groupId + "/concerns/" + concernId);
    }

    @PostMapping("/groups/{groupId}/grievances/{grievanceId}/comments")
    String onGrievance(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "true") boolean anonymous, RedirectAttributes redirect) {
        return add(me, groupId, Comments.On.GRIEVANCE, grievanceId, text, anonymous, redirect,
                "/groups/" + groupId + "/grievances/" + grievanceId);
    }

    private String add(CurrentAccount me, UUID groupId, Comments.On on, UUID parentId, String text, boolean anonymous,
            RedirectAttributes redirect, String page) {
        // the notice goes in the query, not the session: see QueryNotices
        try {
            comments.add(me.id(), groupId, on, parentId, text, anonymous);
            return "redirect:" + page + "?done=commented#comments-heading";
        } catch (DomainException.InvalidInput e) {
            return "redirect:" + page + "?problem=" + QueryNotices.problemFor("comment." + e.messageCode())
                    + "#comments-heading";
        }
    }

    @PostMapping("/groups/{groupId}/comments/{commentId}/hide")
    String hide(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID commentId,
            @RequestParam(defaultValue = "true") boolean hidden, @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        comments.hide(me.id(), groupId, commentId, hidden);
        redirect.addFlashAttribute("notice", hidden ? "comment.hidden" : "comment.shown");
        String prefix = "/groups/" + groupId + "/";
        return "redirect:" + (back.startsWith(prefix) && back.matches("[/a-z0-9-]+") ? back : prefix);
    }
}
