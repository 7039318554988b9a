package org.staffroom.identity;

import java.util.Base64;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.staffroom.identity.internal.SigningKeys;
import org.staffroom.identity.internal.UnlockedSecrets;
import org.staffroom.shared.DomainException;

/**
 * One person, one anonymous act, without the host learning who: a tag that is the same each time the same
 * member acts in the same scope (one concern, one ballot) and that nobody can compute without the member's
 * signing secret, which only their password (or a session or token they unlocked with it) opens. Storing
 * the tag beside an anonymous act lets a unique index refuse a second act without naming the first actor.
 */
@Service
public class AnonymousTags {

    /** The message code of the refusal when the secret is not unlocked in this request. */
    public static final String LOCKED = DomainException.SecretLocked.CODE;

    private final UnlockedSecrets secrets;

    AnonymousTags(UnlockedSecrets secrets) {
        this.secrets = secrets;
    }

    /**
     * The member's tag for the scope.
     *
     * @throws DomainException.SecretLocked when this request cannot unlock the secret (a
     *         passkey sign-in, or a personal token made before it was unlocked): the member confirms their
     *         password first
     */
    public String tag(UUID accountId, String scope) {
        return tagIfUnlocked(accountId, scope).orElseThrow(DomainException.SecretLocked::new);
    }

    /**
     * For work done outside a web request, such as demo data: runs {@code action} as the account, with its
     * secret unlocked by its password for the duration.
     */
    public <T> T actingAs(UUID accountId, String password, java.util.function.Supplier<T> action) {
        return secrets.actingAs(accountId, password, action);
    }

    /** The member's tag for the scope, or empty when this request cannot unlock their secret. */
    public java.util.Optional<String> tagIfUnlocked(UUID accountId, String scope) {
        return secrets.current(accountId).map(secret -> {
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(SigningKeys.tag(secret, scope));
            } finally {
                SigningKeys.wipe(secret);
            }
        });
    }

    public boolean unlocked(UUID accountId) {
        return secrets.current(accountId).map(secret -> {
            SigningKeys.wipe(secret);
            return true;
        }).orElse(false);
    }
}
