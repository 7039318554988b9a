package org.staffroom.concerns;

/** What a member writes when raising or editing a concern, as typed; {@link Concerns} checks it. */
public record ConcernDraft(String title, String details, String category, String affected, Boolean anonymous) {

    static final int MAX_TITLE = 150;
    static final int MAX_DETAILS = 5000;
    static final int MAX_AFFECTED = 300;

    public boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }
}
