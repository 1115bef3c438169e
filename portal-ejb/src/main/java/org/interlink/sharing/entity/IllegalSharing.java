package org.interlink.sharing.entity;

import org.interlink.BusinessException;

/** A marking, scope and grants that do not go together; the message names the rule. */
public class IllegalSharing extends BusinessException {

    public IllegalSharing(String rule) {
        super(rule);
    }

    /** @param key the rule's text in the pages' bundles ({@code error.<key>}) */
    public IllegalSharing(String rule, String key, Object... arguments) {
        super(rule, key, arguments);
    }
}
