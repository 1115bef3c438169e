package org.interlink.item.entity;

import org.interlink.BusinessException;

/**
 * A change made against a version of the item that is no longer its current state: someone changed
 * it in between. Nothing is changed; the caller reads the item again and re-applies their change.
 */
public class StaleItem extends BusinessException {

    public StaleItem(String expected, String current) {
        super("The item changed since you read it (you sent version tag " + expected + ", it is now " + current
                + "). Read it again and re-apply your change.", "StaleItem", expected, current);
    }
}
