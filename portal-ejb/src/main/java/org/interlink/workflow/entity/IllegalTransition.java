package org.interlink.workflow.entity;

import org.interlink.BusinessException;

/** A workflow step that the item's state, or the caller, does not allow. */
public class IllegalTransition extends BusinessException {

    public IllegalTransition(String message) {
        super(message);
    }
}
