package org.staffroom.identity;

import java.util.UUID;

/** What other modules may know of an account: its id, e-mail, display name and whether it administers. */
public record AccountView(UUID id, String email, String displayName, boolean administrator) {
}
