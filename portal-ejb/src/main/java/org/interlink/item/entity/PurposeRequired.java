package org.interlink.item.entity;

import jakarta.ejb.ApplicationException;
import org.interlink.BusinessException;

/**
 * A read that needs the reader's purpose first — another agency's TLP:AMBER, AMBER+STRICT or RED edition — asked
 * without one: nothing was shown, and nothing is recorded here (a page asks for the purpose; the API records the
 * refusal). It leaves the transaction it is thrown in as it was: nothing was written, and the caller's own transaction
 * (the read that follows with the purpose) goes on.
 */
@ApplicationException(rollback = false)
public class PurposeRequired extends BusinessException {

    private final ItemId item;

    public PurposeRequired(ItemId item) {
        super("Item " + item + " is marked TLP:AMBER or RED by another agency: say why you read it; the purpose is recorded "
                + "with your read.", "purposeMissing");
        this.item = item;
    }

    public ItemId item() {
        return item;
    }
}
