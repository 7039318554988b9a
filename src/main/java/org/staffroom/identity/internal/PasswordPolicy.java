package org.staffroom.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.staffroom.shared.DomainException.InvalidInput;

/**
 * ASVS-style password rules: at least 12 characters, up to 128, no composition rules, and not one of the
 * common passwords that attackers try first.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() throws IOException {
        Set<String> words = new HashSet<>(64_000);
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#")).forEach(words::add);
        }
        this.common = Set.copyOf(words);
    }

    /** @throws InvalidInput naming {@code field} when the password may not be used */
    public void check(String field, String password, String email) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInput(field, "password.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInput(field, "password.tooShort", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInput(field, "password.tooLong", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || (email != null && lower.equals(email.toLowerCase(Locale.ROOT)))) {
            throw new InvalidInput(field, "password.common");
        }
    }
}
