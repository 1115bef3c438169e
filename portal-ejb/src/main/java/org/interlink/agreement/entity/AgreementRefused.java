package org.interlink.agreement.entity;

import org.interlink.BusinessException;

/** A step on an agreement that its state or its parties do not allow (countersigning twice, resuming a terminated one). */
public class AgreementRefused extends BusinessException {

    public AgreementRefused(String message) {
        super(message);
    }
}
