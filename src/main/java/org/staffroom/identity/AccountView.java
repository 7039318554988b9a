package org.staffroom.identity;

import java.util.UUID;

public record AccountView(UUID id, String email, String displayName, boolean administrator) {
}
