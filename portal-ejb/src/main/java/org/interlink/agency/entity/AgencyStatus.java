package org.interlink.agency.entity;

/** A suspended agency keeps its data, but its people act for it no longer. */
public enum AgencyStatus {
    ACTIVE, SUSPENDED
}
