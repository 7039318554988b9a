package org.staffroom.groups;

/** The kind of employer a group's members work for, for the directory's search. */
public enum Sector {
    NHS_TRUST, LOCAL_AUTHORITY, PRIVATE_CARE_PROVIDER, CHARITY, AGENCY, PRIMARY_CARE, OTHER
}
