package org.staffroom.shared;

import org.jspecify.annotations.Nullable;
import org.staffroom.shared.DomainException.InvalidInput;

/** The one set of rules for free text from forms and the API: trimmed, bounded, no control characters. */
public final class TextInput {

    private TextInput() {
    }

    /** A single line: no control characters at all. Empty is allowed unless {@code required}. */
    public static String line(String field, @Nullable String value, int max, boolean required) {
        return check(field, value, max, required, false);
    }

    /** Several lines: line breaks and tabs allowed, other control characters not. */
    public static String multiline(String field, @Nullable String value, int max, boolean required) {
        return check(field, value, max, required, true);
    }

    /**
     * An optional web address: empty, or an absolute http or https URL with a host, so that a link can never
     * run script in a page.
     */
    public static String link(String field, @Nullable String value, int max) {
        String link = line(field, value, max, false);
        if (link.isEmpty()) {
            return "";
        }
        try {
            java.net.URI uri = java.net.URI.create(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return link;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new InvalidInput(field, "text.link");
    }

    private static String check(String field, @Nullable String value, int max, boolean required,
            boolean multiline) {
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
