package org.staffroom.groups.web;

import org.staffroom.groups.GroupDetails;
import org.staffroom.groups.GroupView;

/** The group form on pages; the API takes {@link GroupDetails} directly. */
record GroupForm(String name, String employer, String sector, String professions, String area, String description,
        Boolean listed, String neutralName, Boolean membersCanInvite) {

    static GroupForm empty() {
        return new GroupForm("", "", "", "", "", "", false, "", false);
    }

    static GroupForm of(GroupView group) {
        return new GroupForm(group.name(), group.employer(), group.sector().name(), group.professions(), group.area(),
                group.description(), group.listed(), group.neutralName() == null ? "" : group.neutralName(),
                group.membersCanInvite());
    }

    GroupDetails details() {
        return new GroupDetails(name, employer, sector, professions, area, description, listed, neutralName,
                membersCanInvite);
    }
}
