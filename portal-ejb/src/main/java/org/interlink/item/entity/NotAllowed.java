package org.interlink.item.entity;

import org.interlink.BusinessException;

/** The caller's roles or agency do not allow this action on this item. */
public class NotAllowed extends BusinessException {

    public NotAllowed(String message) {
        super(message);
    }
}
