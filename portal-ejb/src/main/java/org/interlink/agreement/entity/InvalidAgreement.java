package org.interlink.agreement.entity;

import org.interlink.BusinessException;

/** A draft agreement that cannot be registered as asked (one party, no coverage, dates the wrong way round). */
public class InvalidAgreement extends BusinessException {

    public InvalidAgreement(String message) {
        super(message);
    }
}
