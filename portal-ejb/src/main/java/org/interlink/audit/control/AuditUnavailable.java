package org.interlink.audit.control;

import jakarta.ejb.ApplicationException;

/**
 * The audit trail could not record an event, so the action it belongs to is not done (fail closed):
 * its transaction rolls back, and a read is not served.
 */
@ApplicationException(rollback = true, inherited = true)
public class AuditUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditUnavailable(Throwable cause) {
        super("The access could not be recorded in the audit trail, so it was not carried out.", cause);
    }
}
