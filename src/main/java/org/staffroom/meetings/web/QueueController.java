package org.staffroom.meetings.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.meetings.SpeakingQueue;


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

    private static String page(UUID groupId, UUID meetingId) {
        return "redirect:/groups/" + groupId + "/meetings/" + meetingId + "/queue";
    }

    @GetMapping("/groups/{groupId}/meetings/{meetingId}/queue")
    String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            Model model) {
        model.addAttribute("q", queue.state(me.id(), groupId, meetingId));
        return "meetings/queue";
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/queue")
    String join(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId) {
        queue.join(me.id(), groupId, meetingId);
        return page(groupId, meetingId);
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/queue/leave")
    String leave(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId) {
        queue.leave(me.id(), groupId, meetingId);
        return page(groupId, meetingId);
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/queue/next")
    String next(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId) {
        queue.next(me.id(), groupId, meetingId);
        return page(groupId, meetingId);
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/queue/{entryId}/remove")
    String remove(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            @PathVariable UUID entryId) {
        queue.remove(me.id(), groupId, meetingId, entryId);
        return page(groupId, meetingId);
    }

    @PostMapping("/groups/{groupId}/meetings/{meetingId}/queue/limit")
    String limit(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId, @PathVariable UUID meetingId,
            @RequestParam(required = false) Integer seconds) {
        queue.limit(me.id(), groupId, meetingId, seconds);
        return page(groupId, meetingId);
    }
}
