package org.staffroom.groups;

public enum Sector {
    NHS_TRUST, LOCAL_AUTHORITY, PRIVATE_CARE_PROVIDER, CHARITY, AGENCY, PRIMARY_CARE, OTHER
}
