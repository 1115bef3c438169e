package org.interlink.agency.entity;

/** What sort of body an agency is; it shapes what the agency typically shares. */
public enum AgencyKind {
    MINISTRY, INTERNATIONAL_ORGANISATION, LAW_ENFORCEMENT, DONOR
}
