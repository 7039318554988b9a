package org.staffroom.identity.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.TextInput;

/** Normalising and checking the few inputs identity owns. */
public final class Inputs {

    private static final Pattern EMAIL = Pattern
            .compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$");
    public static final int MAX_EMAIL = 254;
    public static final int MAX_NAME = 80;

    private Inputs() {
    }

    public static String email(String field, String raw) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new InvalidInput(field, "email.required");
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new InvalidInput(field, "email.invalid");
        }
        return email;
    }

    public static String displayName(String field, String raw) {
        String name = TextInput.line(field, raw, MAX_NAME, false);
        if (name.isEmpty()) {
            throw new InvalidInput(field, "displayName.required");
        }
        return name;
    }
}
