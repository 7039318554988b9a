package org.staffroom.surveys;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A question of a survey. {@code code} is the bank's code, or null for a question of the group's own;
 * {@code options} are the answers to choose from (for SCALE, the five points of agreement).
 */
public record Question(UUID id, int position, String section, @Nullable String code, Kind kind, String text,
        List<String> options, @Nullable Integer min, @Nullable Integer max, boolean breakdown, boolean sensitive,
        boolean required) {

    public enum Kind {
        SINGLE, SEVERAL, SCALE, NUMBER, TEXT
    }

    /** The five points of an agreement scale, from the lowest. */
    public static final List<String> AGREEMENT = List.of("Strongly disagree", "Disagree", "Neither agree nor disagree",
            "Agree", "Strongly agree");

    /** Free text is a risk: wording can identify someone, so it is shown only to organisers, never broken down. */
    public boolean freeText() {
        return kind == Kind.TEXT;
    }
}
