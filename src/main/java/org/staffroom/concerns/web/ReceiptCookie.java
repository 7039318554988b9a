package org.staffroom.concerns.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.staffroom.shared.Sealing;

/**
 * Carries a new receipt from the form that raised the concern to the page that shows it (post/redirect/get), so
 * that reloading that page, or a phone restoring the tab, shows the same receipt and never raises the concern
 * again. The receipt is kept in the author's browser, sealed (AES-GCM, {@link Sealing}) under a random key held in
 * the author's session: only that sign-in can read it, and once the session ends (sign-out, the next person signing
 * in on the same phone, the session timing out) the cookie left behind is unreadable. Sent only to {@code /receipt}
 * pages (not with every request, where proxies may log cookies), until the browser closes, and gone once the author
 * has typed its last four characters back.
 */
final class ReceiptCookie {

    static final String NAME = "SR_RECEIPT";
    private static final String KEY = "staffroom.receiptCookieKey";
    private static final byte[] ASSOCIATED = "staffroom receipt cookie".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCookie() {
    }

    static void keep(HttpServletRequest request, HttpServletResponse response, String receipt) {
        byte[] sealed = Sealing.seal(sessionKey(request.getSession(true)), receipt.getBytes(StandardCharsets.UTF_8),
                ASSOCIATED);
        response.addHeader("Set-Cookie", cookie(request, Base64.getUrlEncoder().withoutPadding().encodeToString(sealed),
                null));
    }

    /** The receipt, if the cookie holds one sealed under this session's key. */
    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        HttpSession session = request.getSession(false);
        if (cookies == null || session == null || !(session.getAttribute(KEY) instanceof byte[] key)) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> v != null && !v.isEmpty() && v.length() <= 200).findFirst()
                .flatMap(value -> {
                    try {
                        return Sealing.open(key, Base64.getUrlDecoder().decode(value), ASSOCIATED);
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                })
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** This session's key for receipt cookies: 256 random bits, made the first time one is needed. */
    private static byte[] sessionKey(HttpSession session) {
        if (session.getAttribute(KEY) instanceof byte[] key) {
            return key;
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        session.setAttribute(KEY, key);
        return key;
    }

    static void forget(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO));
    }

    private static String cookie(HttpServletRequest request, String value, @Nullable Duration age) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(NAME, value).httpOnly(true)
                .secure(request.isSecure()).sameSite("Strict").path(request.getContextPath() + "/receipt");
        return (age == null ? cookie : cookie.maxAge(age)).build().toString();
    }
}
