package org.staffroom.identity.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** An account's sessions in the shared session store: listed without addresses or devices, and revocable. */
@Component
public class SessionRegistry {

    public record SessionSummary(String handle, Instant signedInAt, Instant lastActiveAt, boolean current) {
    }

    public static final String SIGNED_IN_AT = "staffroom.signedInAt";

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    SessionRegistry(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    /**
     * Lists sessions under a handle (a hash of the session id) so that no session id, which is a
     * credential, appears in a page.
     */
    public List<SessionSummary> list(UUID accountId, String currentSessionId) {
        return sessions(accountId).entrySet().stream()
                .map(entry -> {
                    Session session = entry.getValue();
                    Instant signedInAt = session.getAttribute(SIGNED_IN_AT);
                    return new SessionSummary(handle(entry.getKey()),
                            signedInAt == null ? session.getCreationTime() : signedInAt,
                            session.getLastAccessedTime(), entry.getKey().equals(currentSessionId));
                })
                .sorted(Comparator.comparing(SessionSummary::lastActiveAt).reversed())
                .toList();
    }

    public void revoke(UUID accountId, String handle) {
        sessions(accountId).keySet().stream()
                .filter(id -> handle(id).equals(handle))
                .forEach(repository::deleteById);
    }

    public void revokeAllExcept(UUID accountId, @Nullable String keepSessionId) {
        sessions(accountId).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(repository::deleteById);
    }

    private Map<String, ? extends Session> sessions(UUID accountId) {
        return repository.findByPrincipalName(accountId.toString());
    }

    private static String handle(String sessionId) {
        return org.staffroom.shared.SecretTokens.hash(sessionId).substring(0, 16);
    }
}
