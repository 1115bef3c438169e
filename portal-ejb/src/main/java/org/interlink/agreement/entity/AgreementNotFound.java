package org.interlink.agreement.entity;

import org.interlink.BusinessException;

/** No agreement of this id that the caller's agency is a party to (or none at all: the caller is told the same). */
public class AgreementNotFound extends BusinessException {

    public AgreementNotFound(long id) {
        super("Agreement " + id + " not found.");
    }
}
