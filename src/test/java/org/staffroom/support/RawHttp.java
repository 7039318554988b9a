package org.staffroom.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, the request written exactly as given: for paths and encodings that a client
 * library would tidy or refuse before sending.
 */
public final class RawHttp {

    /** The status, the headers (names in lower case) and the body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public Answer get(String target) throws IOException {
        return send("GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n");
    }

    public Answer postForm(String target, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return send("POST " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/html\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n"
                + "Connection: close\r\n\r\n" + body);
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    end < 0 ? "" : text.substring(end + 4));
        }
    }
}
