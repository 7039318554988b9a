package org.staffroom.directory;

import java.util.UUID;

import org.staffroom.groups.Sector;

/** What the public sees of a listed group. */
public record Listing(UUID groupId, String name, String employer, Sector sector, String professions, String area,
        String description) {
}
