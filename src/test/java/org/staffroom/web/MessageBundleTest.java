package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.staffroom.groups.Role;
import org.staffroom.groups.Sector;

/**
 * Every piece of user-facing text comes from the message bundles: every key the templates and the code
 * use exists in English, and every other language bundle has exactly the English keys.
 */
class MessageBundleTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_])[}(]");
    static final Pattern CODE_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");

    @Test
    void everyKeyUsedInTemplatesExists() throws IOException {
        Properties english = load(RESOURCES.resolve("messages.properties"));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!english.containsKey(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMessageCodeInTheCodeExists() throws IOException {
        Properties english = load(RESOURCES.resolve("messages.properties"));
        Set<String> prefixes = new TreeSet<>();
        english.stringPropertyNames().forEach(key -> prefixes.add(key.substring(0, key.indexOf('.') + 1)));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = CODE_LITERAL.matcher(Files.readString(file));
                while (matcher.find()) {
                    String code = matcher.group(1);
                    boolean looksLikeMessage = prefixes.stream().anyMatch(code::startsWith)
                            && !code.startsWith("staffroom.") && !code.startsWith("spring.");
                    if (looksLikeMessage && !english.containsKey(code) && !english.containsKey(code + ".subject")) {
                        missing.add(file.getFileName() + ": " + code);
                    }
                }
            }
        }
        for (Sector sector : Sector.values()) {
            if (!english.containsKey("sector." + sector)) {
                missing.add("sector." + sector);
            }
        }
        for (org.staffroom.concerns.Category category : org.staffroom.concerns.Category.values()) {
            if (!english.containsKey("category." + category)) {
                missing.add("category." + category);
            }
        }
        for (org.staffroom.concerns.ConcernStatus status : org.staffroom.concerns.ConcernStatus.values()) {
            if (!english.containsKey("concernStatus." + status)) {
                missing.add("concernStatus." + status);
            }
        }
        for (org.staffroom.concerns.Grievances.Status status : org.staffroom.concerns.Grievances.Status.values()) {
            if (!english.containsKey("grievanceStatus." + status)) {
                missing.add("grievanceStatus." + status);
            }
        }
        for (org.staffroom.concerns.Grievances.InfoKind kind : org.staffroom.concerns.Grievances.InfoKind.values()) {
            if (!english.containsKey("infoKind." + kind)) {
                missing.add("infoKind." + kind);
            }
        }
        for (org.staffroom.meetings.Meetings.Answer answer : org.staffroom.meetings.Meetings.Answer.values()) {
            if (!english.containsKey("meetingAnswer." + answer)) {
                missing.add("meetingAnswer." + answer);
            }
        }
        for (org.staffroom.decisions.Proposals.Kind kind : org.staffroom.decisions.Proposals.Kind.values()) {
            if (!english.containsKey("proposalKind." + kind)) {
                missing.add("proposalKind." + kind);
            }
        }
        for (Enum<?> answer : java.util.stream.Stream.concat(
                java.util.Arrays.stream(org.staffroom.decisions.Counting.Stance.values()),
                java.util.Arrays.stream(org.staffroom.decisions.Counting.Vote.values())).toList()) {
            if (!english.containsKey("ballotAnswer." + answer)) {
                missing.add("ballotAnswer." + answer);
            }
        }
        for (org.staffroom.decisions.Counting.ConsensusOutcome outcome : org.staffroom.decisions.Counting.ConsensusOutcome.values()) {
            if (!english.containsKey("consensusOutcome." + outcome)) {
                missing.add("consensusOutcome." + outcome);
            }
        }
        for (org.staffroom.meetings.Meetings.Warning warning : org.staffroom.meetings.Meetings.Warning.values()) {
            if (!english.containsKey("momentum.warning." + warning)) {
                missing.add("momentum.warning." + warning);
            }
        }
        for (Role role : Role.values()) {
            if (!english.containsKey("role." + role)) {
                missing.add("role." + role);
            }
        }
        for (int status : List.of(400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 429, 503)) {
            if (!english.containsKey("error.status." + status)) {
                missing.add("error.status." + status);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void otherLanguagesHaveExactlyTheEnglishKeys() throws IOException {
        Set<String> english = load(RESOURCES.resolve("messages.properties")).stringPropertyNames();
        try (Stream<Path> files = Files.list(RESOURCES)) {
            for (Path bundle : files.filter(f -> f.getFileName().toString().matches("messages_.+\\.properties")).toList()) {
                assertThat(load(bundle).stringPropertyNames()).as(bundle.toString()).isEqualTo(english);
            }
        }
    }

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
