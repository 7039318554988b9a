package org.staffroom.groups.web;

import java.net.URI;
import java.time.Instant;
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
import org.staffroom.groups.GroupDetails;
import org.staffroom.groups.GroupView;
import org.staffroom.groups.Groups;
import org.staffroom.groups.Invitations;
import org.staffroom.groups.Role;
import org.staffroom.groups.Sector;
import org.staffroom.identity.AccountView;
import org.staffroom.identity.Accounts;
import org.staffroom.identity.CurrentAccount;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The groups API: who I am, my groups, a group's members and its settings. */
@RestController
@Tag(name = "Groups")
class GroupsApiController {

    record MembershipJson(UUID groupId, String name, Role role) {
    }

    record MeJson(UUID id, String displayName, String email, boolean administrator, List<MembershipJson> memberships) {
    }

    record GroupJson(UUID id, String name, String employer, Sector sector, String professions, String area,
            String description, boolean listed, String neutralName, boolean membersCanInvite, Role role,
            long memberCount) {
    }

    record MemberJson(UUID accountId, String displayName, Role role) {
    }

    record InvitationRequest(Integer validDays, Integer maxUses) {
    }

    record InvitationJson(String code, String url, Instant expiresAt) {
    }

    private final Accounts accounts;
    private final Groups groups;
    private final Invitations invitations;

    GroupsApiController(Accounts accounts, Groups groups, Invitations invitations) {
        this.accounts = accounts;
        this.groups = groups;
        this.invitations = invitations;
    }

    @Operation(summary = "The signed-in account and its memberships")
    @GetMapping("/api/v1/me")
    MeJson me(@AuthenticationPrincipal CurrentAccount me) {
        AccountView account = accounts.get(me.id());
        return new MeJson(account.id(), account.displayName(), account.email(), account.administrator(),
                groups.memberships(me.id()).stream()
                        .map(m -> new MembershipJson(m.groupId(), m.name(), m.role())).toList());
    }

    @Operation(summary = "The groups the signed-in account belongs to")
    @GetMapping("/api/v1/groups")
    List<GroupJson> list(@AuthenticationPrincipal CurrentAccount me) {
        return groups.memberships(me.id()).stream().map(m -> json(me, m.groupId())).toList();
    }

    @Operation(summary = "Start a group; the caller becomes its organiser")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/groups")
    ResponseEntity<GroupJson> create(@AuthenticationPrincipal CurrentAccount me, @RequestBody GroupDetails details) {
        UUID id = groups.create(me.id(), details);
        return ResponseEntity.created(URI.create("/api/v1/groups/" + id)).body(json(me, id));
    }

    @Operation(summary = "One group (members only; 404 for anyone else)")
    @GetMapping("/api/v1/groups/{groupId}")
    GroupJson get(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId) {
        return json(me, groupId);
    }

    @Operation(summary = "The member list (organisers only; 403 for members)")
    @GetMapping("/api/v1/groups/{groupId}/members")
    List<MemberJson> members(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId) {
        return groups.members(me.id(), groupId).stream()
                .map(m -> new MemberJson(m.accountId(), m.displayName(), m.role())).toList();
    }

    @Operation(summary = "Create an invitation link (organisers, or members where the group allows)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/groups/{groupId}/invitations")
    ResponseEntity<InvitationJson> invite(@AuthenticationPrincipal CurrentAccount me, @PathVariable UUID groupId,
            @RequestBody(required = false) InvitationRequest request) {
        int days = request == null || request.validDays() == null ? 14 : request.validDays();
        int uses = request == null || request.maxUses() == null ? 1 : request.maxUses();
        Invitations.CreatedInvitation created = invitations.create(me.id(), groupId, days, uses);
        return ResponseEntity.status(201).body(new InvitationJson(created.code(), created.url(), created.expiresAt()));
    }

    @Operation(summary = "Accept an invitation as the signed-in account")
    @PostMapping("/api/v1/invitations/{code}/accept")
    GroupJson accept(@AuthenticationPrincipal CurrentAccount me, @PathVariable String code) {
        return json(me, invitations.accept(code, me.id()));
    }

    private GroupJson json(CurrentAccount me, UUID groupId) {
        GroupView g = groups.get(me.id(), groupId);
        return new GroupJson(g.id(), g.name(), g.employer(), g.sector(), g.professions(), g.area(), g.description(),
                g.listed(), g.neutralName(), g.membersCanInvite(), g.myRole(), groups.memberCount(me.id(), groupId));
    }
}
