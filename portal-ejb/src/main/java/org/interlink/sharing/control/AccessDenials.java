package org.interlink.sharing.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.interlink.caller.entity.Caller;
import org.interlink.item.entity.ItemId;

import java.util.logging.Logger;

/**
 * Records that a caller reached for an item they may not see (a guessed id, a stale link). The
 * caller gets the same "not found" as for a missing item; the record says what really happened.
 * Written to the server log until the audit trail takes these records over.
 */
@ApplicationScoped
public class AccessDenials {

    private static final Logger LOG = Logger.getLogger(AccessDenials.class.getName());

    public void record(Caller caller, ItemId item, String readPath) {
        LOG.warning(() -> "DENIED " + readPath + " of item " + item + " to " + caller.username() + " acting for "
                + caller.activeAgency().map(a -> a.getCode().value()).orElse("no agency"));
    }
}
