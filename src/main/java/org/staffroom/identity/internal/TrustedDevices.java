package org.staffroom.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.staffroom.shared.SecretTokens;
import org.staffroom.shared.Times;

/**
 * Browsers an account has signed in from (OWASP's device cookies, docs/security.md): after a right password
 * the browser gets a random cookie, kept as a SHA-256 beside the account. When it comes back with the cookie
 * and that account's address, its attempts count against the cookie alone (5 wrong in 15 minutes), not
 * against the address it shares with a whole hospital nor the account, so a stranger's guessing cannot lock
 * it out. Signing out clears it with everything else Staffroom left in the browser, unless the person said at
 * sign-in that this is their own phone or computer: then every other cookie is expired and the device cookie
 * kept, so that someone who signs out after each use, as the quick exit and a careful worker do, is still
 * known the next time a hostile guesser holds their workplace's address back.
 */
@Component
public class TrustedDevices {

    static final String COOKIE = "staffroom_device";
    /** The sign-in form's box "This is my own phone or computer". */
    static final String OWN_DEVICE_PARAMETER = "ownDevice";
    private static final String OWN_DEVICE_ATTRIBUTE = TrustedDevices.class.getName() + ".own";
    static final Period LIFETIME = Period.ofDays(180);
    private static final int MOST_PER_ACCOUNT = 20;

    private final JdbcClient jdbc;
    private final Clock clock;

    TrustedDevices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The throttling key of the request's device cookie, if it is one the account of {@code email} gave. */
    public Optional<String> of(HttpServletRequest request, String email) {
        String token = cookie(request);
        if (token == null || email == null) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(token);
        return jdbc.sql("""
                select d.token_hash from identity_device d join identity_account a on a.id = d.account_id
                where d.token_hash = ? and a.email = ? and d.expires_on >= ?""")
                .params(hash, email.strip().toLowerCase(Locale.ROOT), Times.today(clock)).query(String.class).optional()
                .map(found -> "device:" + found);
    }

    /** After a right password: the browser's cookie stays if the account gave it, else it gets a new one. */
    public void remember(HttpServletRequest request, HttpServletResponse response, UUID accountId) {
        LocalDate today = Times.today(clock);
        String token = cookie(request);
        if (token != null && jdbc.sql("""
                update identity_device set expires_on = ? where token_hash = ? and account_id = ?""")
                .params(today.plus(LIFETIME), SecretTokens.hash(token), accountId).update() > 0) {
            return;
        }
        jdbc.sql("delete from identity_device where account_id = ? and expires_on < ?").params(accountId, today)
                .update();
        jdbc.sql("""
                delete from identity_device where token_hash in (select token_hash from identity_device
                    where account_id = ? order by expires_on desc, token_hash offset ? rows)""")
                .params(accountId, MOST_PER_ACCOUNT - 1).update();
        String fresh = SecretTokens.newToken(32);
        jdbc.sql("insert into identity_device (token_hash, account_id, expires_on) values (?, ?, ?)")
                .params(SecretTokens.hash(fresh), accountId, today.plus(LIFETIME)).update();
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, fresh).httpOnly(true).secure(request.isSecure())
                .sameSite("Lax").path("/").maxAge(Duration.ofDays(LIFETIME.getDays())).build().toString());
    }

    /** At a password sign-in: notes in the session whether the person ticked "This is my own phone or computer". */
    static void noteOwnDevice(HttpServletRequest request) {
        if (request.getParameter(OWN_DEVICE_PARAMETER) != null) {
            request.getSession().setAttribute(OWN_DEVICE_ATTRIBUTE, Boolean.TRUE);
        }
    }

    /**
     * At sign-out: tells the browser to forget what Staffroom left in it. All of it ({@code Clear-Site-Data}),
     * or, on a device its owner vouched for at sign-in, the cache, storage and every cookie but the device
     * cookie: the header cannot spare one cookie, and a {@code Set-Cookie} beside it is ignored.
     */
    static void forgetOnSignOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        boolean own = session != null && Boolean.TRUE.equals(session.getAttribute(OWN_DEVICE_ATTRIBUTE))
                && cookie(request) != null;
        if (!own) {
            response.setHeader("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
            return;
        }
        response.setHeader("Clear-Site-Data", "\"cache\", \"storage\"");
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        for (Cookie cookie : request.getCookies()) {
            if (!COOKIE.equals(cookie.getName())) {
                response.addHeader("Set-Cookie", ResponseCookie.from(cookie.getName(), "").path(path).maxAge(0)
                        .httpOnly(true).secure(request.isSecure()).build().toString());
            }
        }
    }

    private static @Nullable String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue).filter(v -> v != null && v.length() <= 100).findFirst().orElse(null);
    }
}
