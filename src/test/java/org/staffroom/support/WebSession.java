package org.staffroom.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person using the pages over real HTTP without a browser: keeps cookies, picks up the CSRF token from
 * the forms it is shown, and does not follow redirects (so tests see them).
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern
            .compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    public record Page(int status, String body, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String location() {
            return header("Location");
        }
    }

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String csrf;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A browser connecting from another loopback address (127.0.0.2, ...), for tests that throttling would stop. */
    public WebSession(int port, String clientAddress) {
        this.base = "http://127.0.0.1:" + port;
        try {
            this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).localAddress(java.net.InetAddress.getByName(clientAddress))
                    .build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Signed in from another loopback address. */
    public static WebSession signedIn(int port, String clientAddress, String email, String password) {
        WebSession session = new WebSession(port, clientAddress);
        Page result = session.signIn(email, password);
        if (result.status() != 302 || result.location().contains("error")) {
            throw new IllegalStateException("sign-in failed: " + result.status() + " " + result.location());
        }
        return session;
    }

    public static WebSession signedIn(int port, String email, String password) {
        WebSession session = new WebSession(port);
        Page result = session.signIn(email, password);
        if (result.status() != 302 || result.location().contains("error")) {
            throw new IllegalStateException("sign-in failed: " + result.status() + " " + result.location());
        }
        return session;
    }

    public Page signIn(String email, String password) {
        get("/login");
        Page result = post("/login", Map.of("email", email, "password", password));
        csrf = null; // signing in replaces the CSRF token
        return result;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with request headers a browser would add (Sec-Fetch-Site, ...). */
    public Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Posts a form with the CSRF token last seen (fetching the home page first if none was seen yet). */
    public Page post(String path, Map<String, String> form) {
        if (csrf == null) {
            get("/account");
            if (csrf == null) {
                get("/login");
            }
        }
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.putIfAbsent("_csrf", csrf);
        return postRaw(path, fields);
    }

    /** Posts JSON as the pages' scripts do, with the CSRF token last seen in a header. */
    public Page postJson(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request);
    }

    /**
     * Sends JSON (or, with {@code json} null, nothing) by any method, as the journal page's script does: with
     * the CSRF token last seen in a header, fetching one first if none was seen yet.
     */
    public Page sendJson(String method, String path, String json) {
        if (csrf == null) {
            get("/account");
            if (csrf == null) {
                get("/login");
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    public Page postWithoutCsrf(String path, Map<String, String> form) {
        return postRaw(path, form);
    }

    private Page postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Drops a cookie, as a browser does when a session cookie's session ends. */
    public void forget(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().getURIs()
                        .forEach(uri -> cookies.getCookieStore().remove(uri, c)));
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                csrf = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            }
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
