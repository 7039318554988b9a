package org.staffroom.groups;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What groups tells other features. Published inside the transaction that made the change. */
public final class GroupEvents {

    private GroupEvents() {
    }

    /** A group was created or changed; the directory keeps its public copy from this. */
    public record GroupSaved(UUID groupId, boolean listed, String name, String employer, Sector sector,
            String professions, String area, String description) {
    }

    public record MemberJoined(UUID groupId, UUID accountId) {
    }

    public record RoleChanged(UUID groupId, UUID actorId, UUID memberId, Role role) {
    }

    public record MemberRemoved(UUID groupId, UUID actorId, UUID memberId) {
    }

    public record InvitationCreated(UUID groupId, @Nullable UUID actorId) {
    }

    public record InvitationRevoked(UUID groupId, UUID actorId) {
    }

    /** An invitation to send by e-mail: the recipient and the link path, no other content. */
    public record InvitationEmailRequested(UUID groupId, String email, String path) {
    }
}
