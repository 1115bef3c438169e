package org.interlink.item.entity;

import org.interlink.BusinessException;

/** The caller's roles or agency do not allow this action on this item. */
public class NotAllowed extends BusinessException {

    public NotAllowed(String message) {
        super(message);
    }

    /** @param key the text in the pages' bundles ({@code error.<key>}), with its arguments */
    public NotAllowed(String message, String key, Object... arguments) {
        super(message, key, arguments);
    }
}
