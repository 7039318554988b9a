package org.staffroom.groups;

public enum Role {
    MEMBER, ORGANISER
}
