package org.staffroom.shared;

import org.staffroom.shared.DomainException.InvalidInput;

/** The one set of rules for free text from forms and the API: trimmed, bounded, no control characters. */
public final class TextInput {

    private TextInput() {
    }

    /** A single line: no control characters at all. Empty is allowed unless {@code required}. */
    public static String line(String field, String value, int max, boolean required) {
        return check(field, value, max, required, false);
    }

    /** Several lines: line breaks and tabs allowed, other control characters not. */
    public static String multiline(String field, String value, int max, boolean required) {
        return check(field, value, max, required, true);
    }

    private static String check(String field, String value, int max, boolean required, boolean multiline) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw new InvalidInput(field, "text.required");
        }
        if (text.length() > max) {
            throw new InvalidInput(field, "text.tooLong", max);
        }
        boolean forbidden = text.chars().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        if (forbidden) {
            throw new InvalidInput(field, "text.controlCharacters");
        }
        return text;
    }
}
