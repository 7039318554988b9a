package org.staffroom.groups;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.Locale;

import org.staffroom.shared.DomainException.InvalidInput;
import org.staffroom.shared.TextInput;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What describes a group; absent flags mean "no". {@link #validated()} checks every field and returns a trimmed copy, so the web
 * forms and the API share one set of rules and messages.
 */
public record GroupDetails(@Schema(requiredMode = REQUIRED, example = "Ward 7 nurses") String name, String employer,
        @Schema(requiredMode = REQUIRED, implementation = Sector.class) String sector, String professions,
        String area,
        String description, Boolean listed, String neutralName, Boolean membersCanInvite) {

    public static final int MAX_NAME = 120;
    public static final int MAX_EMPLOYER = 120;
    public static final int MAX_PROFESSIONS = 300;
    public static final int MAX_AREA = 80;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_NEUTRAL_NAME = 60;

    public GroupDetails validated() {
        return new GroupDetails(
                required("name", name, MAX_NAME),
                optional("employer", employer, MAX_EMPLOYER),
                parsedSector().name(),
                optional("professions", professions, MAX_PROFESSIONS),
                optional("area", area, MAX_AREA),
                optional("description", description, MAX_DESCRIPTION),
                Boolean.TRUE.equals(listed),
                optional("neutralName", neutralName, MAX_NEUTRAL_NAME),
                Boolean.TRUE.equals(membersCanInvite));
    }

    public Sector parsedSector() {
        if (sector == null || sector.isBlank()) {
            throw new InvalidInput("sector", "group.sector.required");
        }
        try {
            return Sector.valueOf(sector.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("sector", "group.sector.invalid");
        }
    }

    static String required(String field, String value, int max) {
        return TextInput.line(field, value, max, true);
    }

    static String optional(String field, String value, int max) {
        return "description".equals(field) ? TextInput.multiline(field, value, max, false)
                : TextInput.line(field, value, max, false);
    }
}
