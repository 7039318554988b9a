package org.staffroom.concerns.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.staffroom.concerns.Grievances;
import org.staffroom.identity.CurrentAccount;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The grievances API: turning a concern into a grievance and working through it. */
@RestController
@Tag(name = "Grievances")
class GrievancesApiController {

    record StatusRequest(String status) {
    }

    record DoneRequest(Boolean done) {
    }

    private final Grievances grievances;

    GrievancesApiController(Grievances grievances) {
        this.grievances = grievances;
    }

    private static String base(UUID groupId) {
        return "/api/v1/groups/" + groupId + "/grievances/";
    }

    @Operation(summary = "Take a concern up as a grievance (organisers, or members where the group allows)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/groups/{groupId}/concerns/{concernId}/grievance")
    ResponseEntity<Grievances.View> adopt(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID concernId) {
        UUID id = grievances.adopt(me.id(), groupId, concernId);
        return ResponseEntity.created(URI.create(base(groupId) + id)).body(grievances.get(me.id(), groupId, id));
    }

    @Operation(summary = "A group's grievances, newest first (members)")
    @GetMapping("/api/v1/groups/{groupId}/grievances")
    List<Grievances.Summary> list(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId) {
        return grievances.list(me.id(), groupId);
    }

    @Operation(summary = "A grievance with its three stages and its timeline (members)")
    @GetMapping("/api/v1/groups/{groupId}/grievances/{grievanceId}")
    Grievances.View get(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId) {
        return grievances.get(me.id(), groupId, grievanceId);
    }

    @Operation(summary = "Stage 1: describe the problem (organisers)")
    @PutMapping("/api/v1/groups/{groupId}/grievances/{grievanceId}/problem")
    Grievances.View problem(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, @RequestBody Grievances.Problem problem) {
        grievances.describeProblem(me.id(), groupId, grievanceId, problem);
        return grievances.get(me.id(), groupId, grievanceId);
    }

    @Operation(summary = "Stage 2: add a fact, policy, piece of evidence or resource (members; anonymous allowed)")
    @PostMapping("/api/v1/groups/{groupId}/grievances/{grievanceId}/information")
    Grievances.View information(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, @RequestBody Grievances.NewInfo info) {
        grievances.addInformation(me.id(), groupId, grievanceId, info);
        return grievances.get(me.id(), groupId, grievanceId);
    }

    @Operation(summary = "Stage 3: add a step to the plan (organisers)")
    @PostMapping("/api/v1/groups/{groupId}/grievances/{grievanceId}/plan")
    Grievances.View plan(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, @RequestBody Grievances.NewPlanItem item) {
        grievances.addPlanItem(me.id(), groupId, grievanceId, item);
        return grievances.get(me.id(), groupId, grievanceId);
    }

    @Operation(summary = "Mark a step done or not done (its owner or an organiser)")
    @PostMapping("/api/v1/groups/{groupId}/grievances/{grievanceId}/plan/{itemId}")
    Grievances.View mark(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, @PathVariable UUID itemId, @RequestBody DoneRequest request) {
        grievances.markPlanItem(me.id(), groupId, grievanceId, itemId, Boolean.TRUE.equals(request.done()));
        return grievances.get(me.id(), groupId, grievanceId);
    }

    @Operation(summary = "Change the status: OPEN, IN_PROGRESS, WON, PARTLY_WON, LOST, DROPPED (organisers)")
    @PutMapping("/api/v1/groups/{groupId}/grievances/{grievanceId}/status")
    Grievances.View status(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @PathVariable UUID grievanceId, @RequestBody StatusRequest request) {
        grievances.changeStatus(me.id(), groupId, grievanceId, request.status());
        return grievances.get(me.id(), groupId, grievanceId);
    }
}
