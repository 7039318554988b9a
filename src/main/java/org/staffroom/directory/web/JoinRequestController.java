package org.staffroom.directory.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.directory.JoinRequests;
import org.staffroom.groups.Groups;
import org.staffroom.identity.CurrentAccount;

/** Organisers handle join requests; each is deleted once handled. */
@Controller
class JoinRequestController {

    static final String VIEW = "directory/join-requests";

    private final JoinRequests joinRequests;
    private final Groups groups;

    JoinRequestController(JoinRequests joinRequests, Groups groups) {
        this.joinRequests = joinRequests;
        this.groups = groups;
    }

    @GetMapping("/groups/{groupId}/join-requests")
    String list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, Model model) {
        model.addAttribute("group", groups.get(me.id(), groupId));
        model.addAttribute("requests", joinRequests.pending(me.id(), groupId));
        return VIEW;
    }

    @PostMapping("/groups/{groupId}/join-requests/{requestId}/approve")
    String approve(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID requestId, RedirectAttributes redirect) {
        JoinRequests.Approval approval = joinRequests.approve(me.id(), groupId, requestId);
        if (!approval.emailed()) {
            redirect.addFlashAttribute("approvalLink", approval.invitation().url());
            // strings: a flash attribute is kept in the session, which must be serialisable
            redirect.addFlashAttribute("approvalName", approval.request().name());
            redirect.addFlashAttribute("approvalContact", approval.request().contact());
        }
        redirect.addFlashAttribute("notice",
                approval.emailed() ? "joinRequest.approvedEmailed" : "joinRequest.approved");
        return "redirect:/groups/" + groupId + "/join-requests";
    }

    @PostMapping("/groups/{groupId}/join-requests/{requestId}/sent")
    String sent(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID requestId, RedirectAttributes redirect) {
        joinRequests.sent(me.id(), groupId, requestId);
        redirect.addFlashAttribute("notice", "joinRequest.sent");
        return "redirect:/groups/" + groupId + "/join-requests";
    }

    @PostMapping("/groups/{groupId}/join-requests/{requestId}/decline")
    String decline(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID requestId, RedirectAttributes redirect) {
        joinRequests.decline(me.id(), groupId, requestId);
        redirect.addFlashAttribute("notice", "joinRequest.declined");
        return "redirect:/groups/" + groupId + "/join-requests";
    }
}
