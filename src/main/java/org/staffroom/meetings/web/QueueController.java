package org.staffroom.meetings.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.meetings.SpeakingQueue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The speaking queue as a page that works without JavaScript (forms and a refresh link; with it the list
 * refreshes every few seconds) and as the API.
 */
@Controller
@Tag(name = "Meetings")
class QueueController {

    record LimitRequest(Integer seconds) {
    }

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

    @Operation(summary = "The speaking queue: who has the floor, and who waits, in the order they will speak (members)")
    @GetMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/queue")
    @ResponseBody
    SpeakingQueue.State state(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        return queue.state(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Ask to speak (members)")
    @PostMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/queue")
    @ResponseBody
    SpeakingQueue.State apiJoin(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        queue.join(me.id(), groupId, meetingId);
        return queue.state(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Take yourself off the queue (members)")
    @PostMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/queue/leave")
    @ResponseBody
    SpeakingQueue.State apiLeave(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        queue.leave(me.id(), groupId, meetingId);
        return queue.state(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Give the floor to the next speaker (the facilitator or an organiser)")
    @PostMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/queue/next")
    @ResponseBody
    SpeakingQueue.State apiNext(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        queue.next(me.id(), groupId, meetingId);
        return queue.state(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Set the time limit per speaker in seconds, or none (the facilitator or an organiser)")
    @PostMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/queue/limit")
    ResponseEntity<SpeakingQueue.State> apiLimit(@AuthenticationPrincipal CurrentAccount me,
            @PathVariable UUID groupId, @PathVariable UUID meetingId, @RequestBody LimitRequest request) {
        queue.limit(me.id(), groupId, meetingId, request.seconds());
        return ResponseEntity.ok(queue.state(me.id(), groupId, meetingId));
    }
}
