package org.staffroom.demands.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.demands.Demands;
import org.staffroom.identity.CurrentAccount;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The demands API: drafting, support and the ladder, for apps; the same use cases as the pages. */
@RestController
@Tag(name = "Demands")
class DemandsApiController {

    record SupportRequest(Boolean openly) {
    }

    record SupportJson(int supporters) {
    }

    record LadderJson(List<String> steps) {
    }

    private final Demands demands;

    DemandsApiController(Demands demands) {
        this.demands = demands;
    }

    private static String base(UUID groupId) {
        return "/api/v1/groups/" + groupId + "/demands";
    }

    @Operation(summary = "Draft a demand (organisers)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/groups/{groupId}/demands")
    ResponseEntity<Demands.View> draft(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestBody Demands.Draft draft) {
        UUID id = demands.draft(me.id(), groupId, draft);
        return ResponseEntity.created(URI.create(base(groupId) + "/" + id)).body(demands.get(me.id(), groupId, id));
    }

    @Operation(summary = "The group's demands (members)")
    @GetMapping("/api/v1/groups/{groupId}/demands")
    List<Demands.Summary> list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId) {
        return demands.list(me.id(), groupId);
    }

    @Operation(summary = "A demand with its support, timeline and place on the ladder (members)")
    @GetMapping("/api/v1/groups/{groupId}/demands/{demandId}")
    Demands.View get(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID demandId) {
        return demands.get(me.id(), groupId, demandId);
    }

    @Operation(summary = "Support a demand, once (members); openly puts your name on the letter", description = "Support is counted under the member's tag, so it needs a token from POST /api/v1/auth/token.")
    @ApiResponse(responseCode = "200", description = "Supported: how many support the demand now")
    @ApiResponse(responseCode = "409", description = "Already supported, or the demand is closed", content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/api/v1/groups/{groupId}/demands/{demandId}/support")
    SupportJson support(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID demandId, @RequestBody(required = false) SupportRequest request) {
        return new SupportJson(demands.support(me.id(), groupId, demandId,
                request != null && Boolean.TRUE.equals(request.openly())));
    }

    @Operation(summary = "Record what happened: AGREED, MANDATE, SENT, ACKNOWLEDGED, RESPONSE, OUTCOME (MET, "
            + "PARTLY_MET, REFUSED, NO_RESPONSE), FOLLOW_UP, ESCALATED (organisers). proposalId, a closed proposal of "
            + "the group, is needed for MANDATE (the members instructing their reps) and may back AGREED and ESCALATED")
    @PostMapping("/api/v1/groups/{groupId}/demands/{demandId}/events")
    Demands.View record(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID demandId, @RequestBody Demands.Record record) {
        demands.record(me.id(), groupId, demandId, record);
        return demands.get(me.id(), groupId, demandId);
    }

    @Operation(summary = "The letter to management as a PDF (members)")
    @GetMapping("/api/v1/groups/{groupId}/demands/{demandId}/letter.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID demandId) {
        return DemandsApiController.file(demands.letterPdf(me.id(), groupId, demandId), MediaType.APPLICATION_PDF,
                "staffroom-letter.pdf");
    }

    @Operation(summary = "The letter as plain text, for pasting into an e-mail (members)")
    @GetMapping("/api/v1/groups/{groupId}/demands/{demandId}/letter.txt")
    ResponseEntity<byte[]> text(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID demandId) {
        return DemandsApiController.file(
                demands.letterText(me.id(), groupId, demandId).getBytes(StandardCharsets.UTF_8),
                new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8), "staffroom-letter.txt");
    }

    static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name)
                        .build().toString())
                .body(body);
    }

    @Operation(summary = "The group's escalation ladder (members)")
    @GetMapping("/api/v1/groups/{groupId}/ladder")
    LadderJson ladder(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId) {
        demands.list(me.id(), groupId);
        return new LadderJson(demands.ladder(groupId));
    }

    @Operation(summary = "Change the escalation ladder: 2 to 12 steps (organisers)")
    @PutMapping("/api/v1/groups/{groupId}/ladder")
    LadderJson changeLadder(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestBody LadderJson ladder) {
        demands.changeLadder(me.id(), groupId, ladder.steps());
        return new LadderJson(demands.ladder(groupId));
    }
}
