package org.interlink.consent.entity;

import org.interlink.BusinessException;

/** A request for consent that cannot be made or decided as asked (no reason, decided already, asked twice). */
public class ConsentRefused extends BusinessException {

    public ConsentRefused(String message) {
        super(message);
    }
}
