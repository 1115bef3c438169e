package org.interlink.item.entity;

import org.interlink.BusinessException;

/**
 * An edit form sent for another item than the one it was opened for: a forged post, or one whose
 * address was changed. Nothing is saved; taking the item from the post would write one item's form
 * onto another, and the other's version tag may well be the same ("1.1"), so the stale-version check
 * would not notice.
 */
public class CrossedEdit extends BusinessException {

    public CrossedEdit() {
        super("This form was sent for another item than the one it was opened for. Nothing was saved: open the edit"
                + " page of the item again.", "CrossedEdit");
    }
}
