package org.staffroom.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps what just happened out of the address bar and the history. A page says "You co-signed" or "That is your
 * own concern" after a redirect with {@code ?done=cosigned} or {@code ?problem=ownConcern} ({@link Notices}: not a
 * flash attribute, which would wait in the session beside the member's id). Left in the URL, that tells whoever
 * later holds the phone which anonymous concern was its owner's. So a redirect's {@code done} and {@code problem}
 * are taken out of its address and carried to the next page in a cookie that lives a minute and is read once;
 * the page sees them as parameters, as before. Only names of letters pass (each page still shows only the
 * notices it lists), and nothing of it is stored on the server.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class NoticeCookie extends OncePerRequestFilter {

    static final String NAME = "SR_NOTICE";
    private static final List<String> CARRIED = List.of("done", "problem");
    private static final Pattern NAME_OF_LETTERS = Pattern.compile("[A-Za-z]{1,40}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest seen = request;
        Map<String, String> carried = read(request);
        if (!carried.isEmpty() && "GET".equals(request.getMethod())) {
            response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO));
            seen = new WithNotices(request, carried);
        }
        chain.doFilter(seen, new Redirects(request, response));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/api/")
                || path.equals("/favicon.svg");
    }

    private static Map<String, String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        Map<String, String> carried = new LinkedHashMap<>();
        if (cookies == null) {
            return carried;
        }
        Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).findFirst().ifPresent(c -> {
            for (String pair : c.getValue().split("\\.")) {
                String[] parts = pair.split("_", 2);
                if (parts.length == 2 && CARRIED.contains(parts[0]) && NAME_OF_LETTERS.matcher(parts[1]).matches()) {
                    carried.put(parts[0], parts[1]);
                }
            }
        });
        return carried;
    }

    private static String cookie(HttpServletRequest request, String value, Duration age) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath()).maxAge(age).build()
                .toString();
    }

    /** Moves {@code done} and {@code problem} from a redirect's query into the cookie. */
    private static final class Redirects extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        Redirects(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(strip(location));
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            super.sendRedirect(strip(location), sc, clearBuffer);
        }

        private String strip(String location) {
            int query = location.indexOf('?');
            if (query < 0) {
                return location;
            }
            int hash = location.indexOf('#', query);
            String fragment = hash < 0 ? "" : location.substring(hash);
            String queryString = location.substring(query + 1, hash < 0 ? location.length() : hash);
            List<String> kept = new ArrayList<>();
            List<String> moved = new ArrayList<>();
            for (String pair : queryString.split("&")) {
                String[] parts = pair.split("=", 2);
                // a notice's value is a name of letters, which needs no decoding; anything else stays as it is
                String value = parts.length == 2 ? parts[1] : "";
                if (CARRIED.contains(parts[0]) && NAME_OF_LETTERS.matcher(value).matches()) {
                    moved.add(parts[0] + "_" + value);
                } else if (!pair.isEmpty()) {
                    kept.add(pair);
                }
            }
            if (moved.isEmpty()) {
                return location;
            }
            addHeader("Set-Cookie", cookie(request, String.join(".", moved), Duration.ofMinutes(1)));
            return location.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)) + fragment;
        }
    }

    /** The request as the page sees it: with the carried notices among its parameters. */
    private static final class WithNotices extends HttpServletRequestWrapper {

        private final Map<String, String> carried;

        WithNotices(HttpServletRequest request, Map<String, String> carried) {
            super(request);
            this.carried = carried;
        }

        @Override
        public @Nullable String getParameter(String name) {
            String value = super.getParameter(name);
            return value != null ? value : carried.get(name);
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] values = super.getParameterValues(name);
            return values != null ? values : carried.containsKey(name) ? new String[] {carried.get(name)} : null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new LinkedHashMap<>(super.getParameterMap());
            carried.forEach((name, value) -> map.putIfAbsent(name, new String[] {value}));
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}
