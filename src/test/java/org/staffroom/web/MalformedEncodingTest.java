package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.IntegrationTest;
import org.staffroom.support.RawHttp;

/**
 * A parameter with a malformed %-encoding is refused with a 400 before Tomcat decodes it: Tomcat's own
 * parser would log the parameter's value (at INFO, or with debug logging at DEBUG), and logs must never hold
 * what members send. Tomcat logs through java.util.logging; the test listens there, at every level, so it
 * sees whatever Tomcat would write whatever the logging configuration.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedEncodingTest {

    static final String SECRET = "secret-value";

    /**
     * Where Tomcat reports parameters it could not decode, listened to at every level, and the rest of Tomcat
     * at INFO and above, as the application logs it.
     */
    static final java.util.Map<String, Level> TOMCAT_LOGGERS = java.util.Map.of(
            "org.apache.tomcat.util.http.Parameters", Level.ALL, "org.apache", Level.INFO);

    @LocalServerPort
    int port;

    final List<LogRecord> records = new ArrayList<>();
    final List<Logger> listened = new ArrayList<>();
    final List<Level> levels = new ArrayList<>();
    final Handler handler = new Handler() {

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        handler.setLevel(Level.ALL);
        TOMCAT_LOGGERS.forEach((name, level) -> {
            Logger logger = Logger.getLogger(name);
            listened.add(logger);
            levels.add(logger.getLevel());
            logger.setLevel(level);
            logger.addHandler(handler);
        });
    }

    @AfterEach
    void stopListening() {
        for (int i = 0; i < listened.size(); i++) {
            listened.get(i).removeHandler(handler);
            listened.get(i).setLevel(levels.get(i));
        }
    }

    String logged() {
        synchronized (records) {
            StringBuilder text = new StringBuilder();
            for (LogRecord record : records) {
                text.append(record.getMessage()).append(' ');
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        text.append(parameter).append(' ');
                    }
                }
                if (record.getThrown() != null) {
                    text.append(record.getThrown()).append(' ');
                }
                text.append('\n');
            }
            return text.toString();
        }
    }

    @Test
    void malformedEncodingsAreRefusedAndTheirValuesNeverLogged() throws IOException {
        RawHttp http = new RawHttp(port);
        List<String> malformed = List.of("%zz" + SECRET, "%" + SECRET, SECRET + "%", SECRET + "%4", "%G1" + SECRET,
                "%u0041" + SECRET);
        List<String> answers = new ArrayList<>();
        for (String value : malformed) {
            for (String path : List.of("/privacy", "/directory", "/api/v1/directory/groups")) {
                RawHttp.Answer answer = http.get(path + "?q=" + value);
                answers.add(
                        answer.status() + " " + answer.headers().get("content-type") + " GET " + path + "?q=" + value
                                + (answer.body().contains(SECRET) ? " (shown back)" : ""));
            }
            RawHttp.Answer name = http.get("/directory?" + value + "=x");
            answers.add(name.status() + " " + name.headers().get("content-type") + " GET /directory?" + value + "=x");
            RawHttp.Answer form = http.postForm("/login", "email=" + value + "&password=x&_csrf=x");
            answers.add(form.status() + " " + form.headers().get("content-type") + " POST /login email=" + value
                    + (form.body().contains(SECRET) ? " (shown back)" : ""));
        }
        assertThat(logged()).as("what Tomcat logged").doesNotContain(SECRET);
        assertThat(answers).allSatisfy(answer -> assertThat(answer).startsWith("400 ").doesNotContain("(shown back)"));
        assertThat(answers).filteredOn(answer -> answer.contains(" /api/"))
                .allSatisfy(answer -> assertThat(answer).startsWith("400 application/problem+json"));
    }

    /**
     * Escapes of the right shape whose bytes are not UTF-8 (a lone continuation byte, a lead byte without its
     * continuation, bytes UTF-8 never uses, an overlong form, a surrogate, beyond U+10FFFF): Tomcat cannot decode
     * them and logs the parameter's value at ERROR. Listened to in Tomcat's loggers and on the console too, where
     * every logger ends up.
     */
    @Test
    void escapesThatAreNotUtf8AreRefusedAndTheirValuesNeverLogged(CapturedOutput output) throws IOException {
        RawHttp http = new RawHttp(port);
        List<String> answers = new ArrayList<>();
        for (String bytes : List.of("%C3%28", "%ff%fe", "%80", "%C3", "%C0%AF", "%ED%A0%80", "%F4%90%80%80")) {
            for (String query : List.of("q=" + SECRET + bytes, "q=" + bytes + "+" + SECRET, SECRET + bytes + "=x",
                    "area=&q=" + SECRET + bytes)) {
                for (String path : List.of("/privacy", "/directory", "/api/v1/directory/groups")) {
                    RawHttp.Answer answer = http.get(path + "?" + query);
                    answers.add(answer.status() + " " + answer.headers().get("content-type") + " GET " + path + "?"
                            + query + (answer.body().contains(SECRET) ? " (shown back)" : ""));
                }
            }
            RawHttp.Answer form = http.postForm("/login?q=" + SECRET + bytes, "email=a%40example.org&password=x");
            answers.add(form.status() + " " + form.headers().get("content-type") + " POST /login?q=" + SECRET + bytes
                    + (form.body().contains(SECRET) ? " (shown back)" : ""));
        }
        assertThat(logged()).as("what Tomcat logged").doesNotContain(SECRET);
        assertThat(output.getAll()).as("what reached the console").doesNotContain(SECRET);
        assertThat(answers).allSatisfy(answer -> assertThat(answer).startsWith("400 ").doesNotContain("(shown back)"));
        assertThat(answers).filteredOn(answer -> answer.contains(" /api/"))
                .allSatisfy(answer -> assertThat(answer).startsWith("400 application/problem+json"));
    }

    /** A query must be ASCII (RFC 3986): raw bytes beyond it, UTF-8 or not, are refused as unescaped. */
    @Test
    void rawBytesBeyondAsciiAreRefusedAndNeverLogged(CapturedOutput output) throws IOException {
        RawHttp http = new RawHttp(port);
        List<String> answers = new ArrayList<>();
        for (String raw : List.of("\u00e9", "\u00c3\u00a9", "\u00ff")) {
            RawHttp.Answer answer = http.get("/directory?q=" + SECRET + raw);
            answers.add(answer.status() + " GET /directory?q=" + SECRET + raw);
        }
        assertThat(logged()).as("what Tomcat logged").doesNotContain(SECRET);
        assertThat(output.getAll()).as("what reached the console").doesNotContain(SECRET);
        assertThat(answers).allSatisfy(answer -> assertThat(answer).startsWith("400 "));
    }

    @Test
    void wellFormedEncodingsStillArrive() throws IOException {
        RawHttp http = new RawHttp(port);
        RawHttp.Answer search = http.get("/directory?q=caf%C3%A9+%26+more%21+%E2%82%AC%F0%9F%98%80&area=");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("café &amp; more! €😀");
        assertThat(http.postForm("/login", "email=a%40example.org&password=x%25y").status())
                .as("a form with good encodings reaches the application (no CSRF token: 403)").isEqualTo(403);
    }
}
