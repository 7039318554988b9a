package org.staffroom.identity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.staffroom.identity.AccountEvents.PasskeyRemoved;
import org.staffroom.shared.DomainException;

/**
 * The passkeys (WebAuthn credentials) of an account. Spring Security's WebAuthn filters register them and
 * sign in with them; this lists and removes them. The device keeps the private key; we keep the public key,
 * a label the person chose, and when it was made and last used.
 */
@Service
public class Passkeys {

    public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {
    }

    private final PublicKeyCredentialUserEntityRepository users;
    private final UserCredentialRepository credentials;
    private final ApplicationEventPublisher events;

    Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
            ApplicationEventPublisher events) {
        this.users = users;
        this.credentials = credentials;
        this.events = events;
    }

    public List<Passkey> list(UUID accountId) {
        PublicKeyCredentialUserEntity user = users.findByUsername(accountId.toString());
        if (user == null) {
            return List.of();
        }
        return credentials.findByUserId(user.getId()).stream()
                .map(c -> new Passkey(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(),
                        c.getLastUsed()))
                .sorted(Comparator.comparing(Passkey::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Removes one of the account's own passkeys; anyone else's, or one that does not exist, is not found. */
    @Transactional
    public void remove(UUID accountId, String passkeyId) {
        PublicKeyCredentialUserEntity user = users.findByUsername(accountId.toString());
        CredentialRecord credential = user == null ? null : findCredential(passkeyId);
        if (user == null || credential == null || !credential.getUserEntityUserId().equals(user.getId())) {
            throw new DomainException.NotFound();
        }
        credentials.delete(credential.getCredentialId());
        events.publishEvent(new PasskeyRemoved(accountId));
    }

    private @Nullable CredentialRecord findCredential(String passkeyId) {
        try {
            return credentials.findByCredentialId(Bytes.fromBase64(passkeyId));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Removes every passkey of an account that is being deleted; their rows go with the user entity. */
    void removeAll(UUID accountId) {
        PublicKeyCredentialUserEntity user = users.findByUsername(accountId.toString());
        if (user != null) {
            credentials.findByUserId(user.getId()).forEach(c -> credentials.delete(c.getCredentialId()));
            users.delete(user.getId());
        }
    }
}
