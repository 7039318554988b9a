package org.staffroom.concerns.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;

/**
 * Carries a new receipt from the form that raised the concern to the page that shows it (post/redirect/get), so
 * that reloading that page, or a phone restoring the tab, shows the same receipt and never raises the concern
 * again. It is the one place the receipt is kept: in the author's browser (not the session, which is stored beside
 * the account), for 30 minutes at most, and gone once the author has typed its last four characters back or signs
 * out.
 */
final class ReceiptCookie {

    static final String NAME = "SR_RECEIPT";
    private static final Duration LIFETIME = Duration.ofMinutes(30);

    private ReceiptCookie() {
    }

    static void keep(HttpServletRequest request, HttpServletResponse response, String receipt) {
        response.addHeader("Set-Cookie", cookie(request, receipt, LIFETIME));
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue)
                        .filter(v -> v != null && !v.isEmpty() && v.length() <= 40).findFirst();
    }

    static void forget(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO));
    }

    private static String cookie(HttpServletRequest request, String value, Duration age) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(request.isSecure()).sameSite("Strict")
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath()).maxAge(age).build()
                .toString();
    }
}
