package org.staffroom.identity.internal;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.staffroom.shared.SecretTokens;

/**
 * Carries a member's unlocked signing secret from one request to the next without the database ever
 * holding it in the clear:
 * <ul>
 * <li>pages: the session (in the database) keeps the secret sealed under a random key, and only the
 * browser keeps that key, in an HttpOnly, SameSite=Strict cookie;
 * <li>API: the token's row keeps the secret sealed under a key derived from the token, which the database
 * holds only as a hash.
 * </ul>
 */
@Component
public class UnlockedSecrets {

    static final String COOKIE = "SR_UNLOCK";
    static final String SESSION_ATTRIBUTE = "staffroom.sealedSigningKey";
    static final String TOKEN_ATTRIBUTE = "staffroom.bearerToken";

    private final SigningKeys keys;
    private final JdbcClient jdbc;
    /** A secret unlocked for work done outside a web request (demo data), for one account at a time. */
    private final ThreadLocal<Unlocked> outsideRequests = new ThreadLocal<>();

    private record Unlocked(UUID accountId, byte[] secret) {
    }

    UnlockedSecrets(SigningKeys keys, JdbcClient jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    /** Keeps the secret for the rest of this browser session. */
    public void keepInSession(HttpServletRequest request, HttpServletResponse response, UUID accountId,
            byte[] secret) {
        byte[] cookieKey = keys.randomBytes(32);
        request.getSession().setAttribute(SESSION_ATTRIBUTE, keys.seal(cookieKey, secret, accountId));
        Cookie cookie = new Cookie(COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(cookieKey));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        SigningKeys.wipe(cookieKey);
    }

    /** The sealed form of the secret for a new access token's row. */
    public byte[] sealForToken(String token, UUID accountId, byte[] secret) {
        return keys.seal(SigningKeys.fromToken(token), secret, accountId);
    }

    static void rememberToken(HttpServletRequest request, String token) {
        request.setAttribute(TOKEN_ATTRIBUTE, token);
    }

    /** Runs {@code action} on this thread with the account's secret unlocked by its password. */
    public <T> T actingAs(UUID accountId, String password, java.util.function.Supplier<T> action) {
        byte[] secret = keys.unlock(accountId, password);
        outsideRequests.set(new Unlocked(accountId, secret));
        try {
            return action.get();
        } finally {
            outsideRequests.remove();
            SigningKeys.wipe(secret);
        }
    }

    /** The secret of the account this request acts for, if the request carries what unlocks it. */
    public Optional<byte[]> current(UUID accountId) {
        Unlocked unlocked = outsideRequests.get();
        if (unlocked != null && unlocked.accountId().equals(accountId)) {
            return Optional.of(unlocked.secret().clone());
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(TOKEN_ATTRIBUTE) instanceof String token) {
            byte[] sealed = jdbc.sql("select signing_key from identity_token where token_hash = ?")
                    .param(SecretTokens.hash(token)).query(byte[].class).optional().orElse(null);
            return sealed == null ? Optional.empty() : keys.open(SigningKeys.fromToken(token), sealed, accountId);
        }
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof byte[] sealed)
                || request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                try {
                    return keys.open(Base64.getUrlDecoder().decode(cookie.getValue()), sealed, accountId);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
