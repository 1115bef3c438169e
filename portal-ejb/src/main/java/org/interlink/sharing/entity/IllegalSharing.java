package org.interlink.sharing.entity;

import org.interlink.BusinessException;

/** A marking, scope and grants that do not go together; the message names the rule. */
public class IllegalSharing extends BusinessException {

    public IllegalSharing(String rule) {
        super(rule);
    }
}
