package org.staffroom.decisions.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.decisions.Proposals;
import org.staffroom.identity.CurrentAccount;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The proposals API: putting a proposal, voting and reading the outcome, for apps. */
@RestController
@Tag(name = "Proposals")
class ProposalsApiController {

    record BallotCast(int turnout) {
    }

    private final Proposals proposals;

    ProposalsApiController(Proposals proposals) {
        this.proposals = proposals;
    }

    @Operation(summary = "Make a proposal (members)", description = "kind: CONSENSUS, YES_NO (majority SIMPLE or TWO_THIRDS), CHOOSE_ONE, CHOOSE_SEVERAL, RANKED, "
            + "DOTS (points per member); options for the last four; closesAt like 2026-12-01T18:00 in the "
            + "instance's time zone; secret for a secret ballot; resultsLive to show results before closing.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/groups/{groupId}/proposals")
    ResponseEntity<Proposals.View> propose(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestBody Proposals.Draft draft) {
        UUID id = proposals.propose(me.id(), groupId, draft);
        return ResponseEntity.created(URI.create("/api/v1/groups/" + groupId + "/proposals/" + id))
                .body(proposals.get(me.id(), groupId, id));
    }

    @Operation(summary = "The group's proposals, latest closing first (members)")
    @GetMapping("/api/v1/groups/{groupId}/proposals")
    List<Proposals.Summary> list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId) {
        return proposals.list(me.id(), groupId);
    }

    @Operation(summary = "A proposal with its turnout and, when shown, its result (members)")
    @GetMapping("/api/v1/groups/{groupId}/proposals/{proposalId}")
    Proposals.View get(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID proposalId) {
        return proposals.get(me.id(), groupId, proposalId);
    }

    @Operation(summary = "Close voting now (organisers)")
    @PostMapping("/api/v1/groups/{groupId}/proposals/{proposalId}/close")
    Proposals.View close(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID proposalId) {
        proposals.close(me.id(), groupId, proposalId);
        return proposals.get(me.id(), groupId, proposalId);
    }

    @Operation(summary = "Cast a ballot, once (members; 409 on a second ballot or after closing)", description = "answer for CONSENSUS (AGREE, ABSTAIN, DISAGREE, BLOCK) and YES_NO (YES, NO, ABSTAIN); choices "
            + "as option numbers from 0 (in order of preference for RANKED); points, one per option, for DOTS. "
            + "A secret ballot needs a token from POST /api/v1/auth/token.")
    @ApiResponse(responseCode = "201", description = "Counted; the body says how many ballots are in")
    @ApiResponse(responseCode = "409", description = "A second ballot from the same member, or voting has closed", content = @Content(mediaType = "application/problem+json"))
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/groups/{groupId}/proposals/{proposalId}/ballots")
    ResponseEntity<BallotCast> vote(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID proposalId, @RequestBody Proposals.Ballot ballot) {
        return ResponseEntity.status(201).body(new BallotCast(proposals.vote(me.id(), groupId, proposalId, ballot)));
    }
}
