package org.staffroom.shared.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.staffroom.shared.InstanceSettings;

/**
 * Refuses with 400 a query string or form body with a malformed %-encoding (a % not followed by two hex
 * digits), and a query string that is not ASCII or whose escapes do not decode to UTF-8, the charset Tomcat
 * decodes query parameters in, before Tomcat decodes it: Tomcat's parameter parser logs the parameter's name
 * and value when it cannot decode them (at INFO, and at ERROR with the exception it then throws), and logs must
 * never hold what members send. A form body is read here, checked and handed on with its parameters already
 * decoded (a byte its charset cannot decode becomes U+FFFD), so that Tomcat never parses it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedEncodings extends OncePerRequestFilter {

    private final MessageSource messages;
    private final long maxBodyBytes;

    MalformedEncodings(MessageSource messages, InstanceSettings settings) {
        this.messages = messages;
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!wellFormed(request.getQueryString()) || !utf8(request.getQueryString())) {
            refuse(request, response, HttpStatus.BAD_REQUEST);
            return;
        }
        if (!isForm(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        if (!wellFormed(text)) {
            refuse(request, response, HttpStatus.BAD_REQUEST);
            return;
        }
        chain.doFilter(new CheckedForm(request, body, decode(text, charset(request))), response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when every % starts an escape of two hex digits. */
    static boolean wellFormed(String encoded) {
        if (encoded == null) {
            return true;
        }
        for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 3)) {
            if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                    || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when a well-formed query is ASCII, as RFC 3986 has it, and its escaped bytes are UTF-8. A {@code +}
     * stands for a space, which is ASCII, so it needs no decoding here.
     */
    private static boolean utf8(String query) {
        if (query == null) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c > 0x7f) {
                return false;
            }
            if (c == '%') {
                bytes.put((byte) HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset charset(HttpServletRequest request) {
        try {
            return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(request.getCharacterEncoding());
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Map<String, List<String>> decode(String body, Charset charset) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException {
        ContainerErrors.Refusal refusal = ContainerErrors.Refusal.of(request.getRequestURI(), status, messages);
        SecurityHeaders.write(request, response);
        response.setStatus(status.value());
        response.setContentType(refusal.contentType());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(refusal.body());
    }

    /** The request with its form body read: the query's parameters (from Tomcat) first, then the body's. */
    private static final class CheckedForm extends HttpServletRequestWrapper {

        private final byte[] body;
        private final Map<String, String[]> parameters;

        CheckedForm(HttpServletRequest request, byte[] body, Map<String, List<String>> fromBody) {
            super(request);
            this.body = body;
            Map<String, List<String>> all = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> all.put(name, new ArrayList<>(List.of(values))));
            fromBody.forEach((name, values) -> all.computeIfAbsent(name, key -> new ArrayList<>()).addAll(values));
            Map<String, String[]> merged = new LinkedHashMap<>();
            all.forEach((name, values) -> merged.put(name, values.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(merged);
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    return in.read(bytes, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
        }
    }
}
