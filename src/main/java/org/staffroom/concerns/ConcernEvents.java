package org.staffroom.concerns;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What concerns tell other features. None names the author of an anonymous concern or a co-signer. */
public final class ConcernEvents {

    private ConcernEvents() {
    }

    /** A concern was raised; deliberately without its author, named or not. */
    public record ConcernRaised(UUID groupId, UUID concernId) {
    }

    /** An organiser hid a comment (or showed it again); no content, no author. */
    public record CommentHidden(UUID groupId, UUID organiserId, boolean hidden) {
    }

    /**
     * The organisers wrote to a concern's author. {@code authorId} is null for an anonymous concern: that
     * author can only learn of it by coming back with the receipt.
     */
    public record AuthorAnswered(UUID groupId, UUID concernId, @Nullable UUID authorId) {
    }

    /**
     * These members chose to hear that there is an update (ConcernNotifications): the mail module sends each
     * the content-free e-mail of the hour. It names neither the group nor the concern.
     */
    public record UpdatesChosen(List<UUID> accountIds) {
    }
}
