package org.staffroom.concerns;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a member writes when raising or editing a concern, as typed; {@link Concerns} checks it. */
public record ConcernDraft(
        @Schema(requiredMode = REQUIRED, example = "Handovers run past the end of the shift") String title,
        @Schema(requiredMode = REQUIRED) String details,
        @Schema(requiredMode = REQUIRED, implementation = Category.class) String category, String affected,
        @Nullable Boolean anonymous) {

    static final int MAX_TITLE = 150;
    static final int MAX_DETAILS = 5000;
    static final int MAX_AFFECTED = 300;

    public boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }
}
