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
 * the account), sent only to {@code /receipt} pages (not with every request, where proxies may log cookies), until
 * the browser closes, and gone once the author has typed its last four characters back or signs out; the pages
 * that read it need the author signed in.
 */
final class ReceiptCookie {

    static final String NAME = "SR_RECEIPT";
    private ReceiptCookie() {
    }

    static void keep(HttpServletRequest request, HttpServletResponse response, String receipt) {
        response.addHeader("Set-Cookie", cookie(request, receipt, null));
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
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(NAME, value).httpOnly(true)
                .secure(request.isSecure()).sameSite("Strict").path(request.getContextPath() + "/receipt");
        return (age == null ? cookie : cookie.maxAge(age)).build().toString();
    }
}
