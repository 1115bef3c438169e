package org.interlink.item.entity;

import org.interlink.BusinessException;

/**
 * A read of another agency's TLP:AMBER, AMBER+STRICT or RED edition for a purpose the agreement it is read under does
 * not allow: nothing was shown; the refusal is recorded where it is found.
 */
public class PurposeNotAllowed extends BusinessException {

    private final ItemId item;

    /**
     * @param allowed the purposes the agreements allow, as the reader gives them (e.g. "Criminal investigation")
     * @param agreements the agreements' references
     */
    public PurposeNotAllowed(ItemId item, String allowed, String agreements) {
        super("Item " + item + " is read under " + agreements + ", which allows these purposes only: " + allowed
                + ". Give one of them, optionally followed by a colon and your own words.", "purposeNotAllowed", agreements, allowed);
        this.item = item;
    }

    public ItemId item() {
        return item;
    }
}
