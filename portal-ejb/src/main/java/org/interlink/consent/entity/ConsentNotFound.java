package org.interlink.consent.entity;

import org.interlink.BusinessException;

/** No request for consent of this id that the caller's agency made or decides (or none at all: the caller is told the same). */
public class ConsentNotFound extends BusinessException {

    public ConsentNotFound(long id) {
        super("Consent request " + id + " not found.");
    }
}
