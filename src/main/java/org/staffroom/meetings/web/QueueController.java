package org.staffroom.meetings.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.meetings.SpeakingQueue;
import org.staffroom.shared.DomainException;

/**
 * The speaking queue as a page that works without JavaScript (forms and a refresh link; with it the list
 * refreshes every few seconds); {@link QueueApiController} is the same through the API.
 */
@Controller
class QueueController {

    private final SpeakingQueue queue;

    QueueController(SpeakingQueue queue) {
        this.queue = queue;
    }

    /**
     * Does what a form on the page asks and goes back to the page; a refusal that a page left open can meet
     * (the meeting has ended since) is said there.
     */
    private static String act(UUID groupId, UUID meetingId, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (DomainException.Conflict e) {
            redirect.addFlashAttribute("problem", e.messageCode());
        }
        return "redirect:/groups/" + groupId + "/meetings/" + meetingId + "/queue";
    }

    @GetMapping("/groups/{groupId}/meetings/{meetingId}/queue")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            Model model) {
        model.addAttribute("q", queue.state(me.id(), groupId, meetingId));
        return "meetings/queue";
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/queue")
    String join(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            RedirectAttributes redirect) {
        return act(groupId, meetingId, redirect, () -> queue.join(me.id(), groupId, meetingId));
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/queue/leave")
    String leave(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            RedirectAttributes redirect) {
        return act(groupId, meetingId, redirect, () -> queue.leave(me.id(), groupId, meetingId));
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/queue/next")
    String next(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            RedirectAttributes redirect) {
        return act(groupId, meetingId, redirect, () -> queue.next(me.id(), groupId, meetingId));
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/queue/{entryId}/remove")
    String remove(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            @PathVariable UUID entryId, RedirectAttributes redirect) {
        return act(groupId, meetingId, redirect, () -> queue.remove(me.id(), groupId, meetingId, entryId));
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/queue/limit")
    String limit(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            @RequestParam(required = false) Integer seconds, RedirectAttributes redirect) {
        return act(groupId, meetingId, redirect, () -> queue.limit(me.id(), groupId, meetingId, seconds));
    }
}
