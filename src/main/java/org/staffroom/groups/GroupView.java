package org.staffroom.groups;

import java.util.UUID;

/** A group as its members see it, with the viewer's role. */
public record GroupView(UUID id, String name, String employer, Sector sector, String professions, String area,
        String description, boolean listed, String neutralName, boolean membersCanInvite, Role myRole) {

    public boolean organiser() {
        return myRole == Role.ORGANISER;
    }

    /** The title pages show: the neutral name when the group has chosen discreet mode. */
    public String pageTitle() {
        return neutralName == null || neutralName.isBlank() ? name : neutralName;
    }

    public boolean discreet() {
        return neutralName != null && !neutralName.isBlank();
    }
}
