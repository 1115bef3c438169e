package org.interlink.item.entity;

import org.interlink.BusinessException;

/** Content that is incomplete or contradicts itself; the message says what to fix. */
public class InvalidContent extends BusinessException {

    public InvalidContent(String message) {
        super(message);
    }

    /** @param key the text in the pages' bundles ({@code error.<key>}), with its arguments */
    public InvalidContent(String message, String key, Object... arguments) {
        super(message, key, arguments);
    }
}
