package org.interlink.sharing.entity;

/** Who an item is shared with, beyond its owner agency. Never the public: every page needs a sign-in. */
public enum Scope {
    /** Nobody outside the owner agency. */
    OWN_AGENCY,
    /** The agencies named in the grants. */
    NAMED_AGENCIES,
    /** Every member agency of the communities named in the grants. */
    COMMUNITIES,
    /** Every member agency of Interlink. */
    ALL_MEMBERS,
    /** Only the people named in the grants (TLP:RED). */
    NAMED_USERS
}
