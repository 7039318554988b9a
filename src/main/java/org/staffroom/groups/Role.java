package org.staffroom.groups;

/** What a member may do in a group: organisers run it, members take part. */
public enum Role {
    MEMBER, ORGANISER
}
