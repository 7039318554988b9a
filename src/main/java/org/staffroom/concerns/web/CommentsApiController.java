package org.staffroom.concerns.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.concerns.Comments;
import org.staffroom.identity.CurrentAccount;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The discussion under a concern or a grievance, for apps: one API for both, as {@link Comments} is one use case
 * for both. Which of the two a request is about is in its path: a concern's id or a grievance's.
 */
@RestController
@Tag(name = "Comments")
class CommentsApiController {

    static final String ON_CONCERN = "/api/v1/groups/{groupId}/concerns/{concernId}/comments";
    static final String ON_GRIEVANCE = "/api/v1/groups/{groupId}/grievances/{grievanceId}/comments";

    record CommentRequest(@Schema(requiredMode = REQUIRED) String text, @Nullable Boolean anonymous) {
    }

    record HideRequest(@Nullable Boolean hidden) {
    }

    private final Comments comments;

    CommentsApiController(Comments comments) {
        this.comments = comments;
    }

    @Operation(summary = "The discussion of a concern or grievance (members); a hidden comment's text only for organisers")
    @GetMapping({ON_CONCERN, ON_GRIEVANCE})
    List<Comments.Comment> comments(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable(required = false) @Nullable UUID concernId,
            @PathVariable(required = false) @Nullable UUID grievanceId) {
        return comments.list(me.id(), groupId, on(grievanceId), subject(concernId, grievanceId));
    }

    @Operation(summary = "Comment on a concern or grievance (members), with or without your name")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping({ON_CONCERN, ON_GRIEVANCE})
    ResponseEntity<List<Comments.Comment>> comment(@AuthenticationPrincipal CurrentAccount me,
            @PathVariable UUID groupId, @PathVariable(required = false) @Nullable UUID concernId,
            @PathVariable(required = false) @Nullable UUID grievanceId, @RequestBody CommentRequest comment) {
        UUID subject = subject(concernId, grievanceId);
        comments.add(me.id(), groupId, on(grievanceId), subject, comment.text(),
                Boolean.TRUE.equals(comment.anonymous()));
        return ResponseEntity.status(201).body(comments.list(me.id(), groupId, on(grievanceId), subject));
    }

    @Operation(summary = "Hide an abusive comment, or show it again (organisers); it is kept for the audit")
    @PostMapping("/api/v1/groups/{groupId}/comments/{commentId}/hide")
    ResponseEntity<Void> hide(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID commentId, @RequestBody(required = false) @Nullable HideRequest request) {
        comments.hide(me.id(), groupId, commentId, request == null || !Boolean.FALSE.equals(request.hidden()));
        return ResponseEntity.noContent().build();
    }

    /** Which of the two the request is about: the route it matched names a grievance or a concern. */
    private static Comments.On on(@Nullable UUID grievanceId) {
        return grievanceId != null ? Comments.On.GRIEVANCE : Comments.On.CONCERN;
    }

    private static UUID subject(@Nullable UUID concernId, @Nullable UUID grievanceId) {
        return grievanceId != null ? grievanceId : java.util.Objects.requireNonNull(concernId);
    }
}
