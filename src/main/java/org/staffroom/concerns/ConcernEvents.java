package org.staffroom.concerns;

import java.util.UUID;

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
    public record AuthorAnswered(UUID groupId, UUID concernId, UUID authorId) {
    }
}
