package org.interlink.agreement.entity;

/**
 * Where a data-sharing agreement stands. Expiry is not a stored status: an active agreement past its last day is
 * shown as {@link #EXPIRED} and covers nothing from the next day on.
 */
public enum AgreementStatus {
    DRAFT, ACTIVE, SUSPENDED, TERMINATED, EXPIRED
}
