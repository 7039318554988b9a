package org.staffroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.staffroom.support.Fixtures;

import tools.jackson.databind.JsonNode;

/**
 * After the whole suite (Maven runs this last, on its own), every line Staffroom logged in it — the test
 * servers' (at warning and above) and the operations tests' servers' (everything) — is read back, and none
 * may hold a password, an e-mail address, an IP address, a receipt, a token or what members wrote.
 */
class LogsIT {

    /** Secrets and personal values the tests used. */
    private static final List<String> KNOWN = List.of(Fixtures.PASSWORD, "demo-pass-2026", "an-old-members-password",
            // what members wrote, in the journal tests and the demo
            "copper kettle under the stairs", "Quillbrook", "Frobisham", "Snorvelled",
            "shouted at in front of patients", "Breaks on nights");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])");
    /** An IPv6 address: eight groups, or fewer around "::" (a time of day, 16:49:22, is neither). */
    private static final Pattern IPV6 = Pattern.compile("(?i)(?<![\\w:])(?:([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}"
            + "|[0-9a-f]{1,4}(:[0-9a-f]{1,4}){0,6}::([0-9a-f]{1,4}(:[0-9a-f]{1,4}){0,6})?"
            + "|::[0-9a-f]{1,4}(:[0-9a-f]{1,4}){0,6})(?![\\w:])");
    /** A receipt: 24 characters of Crockford's alphabet, in groups of four or not. */
    private static final Pattern RECEIPT = Pattern
            .compile("(?<![0-9A-Z-])[0-9A-HJKMNP-TV-Z]{4}(-?[0-9A-HJKMNP-TV-Z]{4}){5}(?![0-9A-Z-])");
    /** A token: 32 or more random bytes in URL-safe Base64. */
    private static final Pattern TOKEN = Pattern.compile("(?<![\\w-])[A-Za-z0-9_-]{43,}(?![\\w-])");

    @Test
    void noLogOfTheWholeRunHoldsASecretOrAPersonalValue() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path directory : List.of(Path.of("target", "surefire-reports"), ServerProcess.LOGS)) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.filter(file -> file.toString().endsWith("-output.txt") || file.toString().endsWith(".log"))
                            .forEach(logs::add);
                }
            }
        }
        List<String> leaks = new ArrayList<>();
        int lines = 0;
        for (Path log : logs) {
            for (String line : Files.readAllLines(log)) {
                if (!line.startsWith("{\"@timestamp\"")) {
                    // a line that is not one of Staffroom's JSON events (a library writing to the console,
                    // a stack trace) is read whole: skipping it would let a plain-text leak pass. Only the
                    // embedded PostgreSQL's own server log is left out: the database host's, not Staffroom's.
                    if (!line.contains("io.zonky.test.db.postgres")) {
                        lines++;
                        String leak = leak(line);
                        if (leak != null) {
                            leaks.add(log.getFileName() + ": " + leak + " in a plain line "
                                    + line.substring(0, Math.min(line.length(), 400)));
                        }
                    }
                    continue;
                }
                JsonNode event = JsonClient.JSON.readTree(line);
                String logger = event.path("log").path("logger").asString("");
                // the embedded PostgreSQL's own output, which the tests pass through their log
                if (logger.startsWith("io.zonky")) {
                    continue;
                }
                lines++;
                String text = event.path("message").asString("") + "\n"
                        + event.path("error").path("message").asString("")
                        + "\n" + event.path("error").path("stack_trace").asString("");
                String leak = leak(text);
                if (leak != null) {
                    leaks.add(
                            log.getFileName() + ": " + leak + " in " + line.substring(0, Math.min(line.length(), 400)));
                }
            }
        }

        assertThat(lines).as("log lines read (a whole run logs thousands)").isGreaterThan(500);
        assertThat(leaks).isEmpty();
    }

    private static String leak(String text) {
        for (String known : KNOWN) {
            if (text.contains(known)) {
                return "\"" + known + "\"";
            }
        }
        for (Pattern pattern : List.of(EMAIL, IPV4, IPV6, RECEIPT, TOKEN)) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                return "\"" + matcher.group() + "\"";
            }
        }
        return null;
    }
}
