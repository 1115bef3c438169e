package org.interlink.consent.entity;

/** Where a request for consent to forward stands. */
public enum ConsentStatus {
    PENDING, APPROVED, DECLINED
}
