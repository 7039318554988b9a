package org.staffroom.meetings.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.identity.CurrentAccount;
import org.staffroom.meetings.SpeakingQueue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The speaking queue through the API; refusals are problem documents with their own message. */
@RestController
@Tag(name = "Meetings")
class QueueApiController {

    record LimitRequest(Integer seconds) {
    }

    private final SpeakingQueue queue;

    QueueApiController(SpeakingQueue queue) {
        this.queue = queue;
    }

    @Operation(summary = "The speaking queue: who has the floor, and who waits, in the order they will speak (members)")
    @GetMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/queue")
    SpeakingQueue.State state(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        return queue.state(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Ask to speak (members)")
    @PostMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/queue")
    SpeakingQueue.State apiJoin(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        queue.join(me.id(), groupId, meetingId);
        return queue.state(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Take yourself off the queue (members)")
    @PostMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/queue/leave")
    SpeakingQueue.State apiLeave(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID meetingId) {
        queue.leave(me.id(), groupId, meetingId);
        return queue.state(me.id(), groupId, meetingId);
    }

    @Operation(summary = "Give the floor to the next speaker (the facilitator or an organiser)")
    @PostMapping("/api/v1/groups/{groupId}/meetings/{meetingId}/queue/next")
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
