package org.staffroom.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What identity tells other features. None carries an address, a user agent, a password or a token. */
public final class AccountEvents {

    private AccountEvents() {
    }

    public record AccountRegistered(UUID accountId) {
    }

    /** {@code accountId} is null when the e-mail address belongs to no account. */
    public record SignInFailed(@Nullable UUID accountId) {
    }

    public record SignedIn(UUID accountId) {
    }

    public record SignInThrottled(@Nullable UUID accountId) {
    }

    public record PasswordChanged(UUID accountId) {
    }

    public record PasswordResetRequested(UUID accountId) {
    }

    public record AccessTokenCreated(UUID accountId) {
    }

    public record SessionsRevoked(UUID accountId) {
    }

    public record PasskeyAdded(UUID accountId) {
    }

    public record PasskeyRemoved(UUID accountId) {
    }

    /** Published inside the deleting transaction, so that other features remove what they hold. */
    public record AccountDeleted(UUID accountId) {
    }
}
