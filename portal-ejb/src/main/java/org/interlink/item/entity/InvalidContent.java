package org.interlink.item.entity;

import org.interlink.BusinessException;

/** Content that is incomplete or contradicts itself; the message says what to fix. */
public class InvalidContent extends BusinessException {

    public InvalidContent(String message) {
        super(message);
    }
}
