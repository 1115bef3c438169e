package org.interlink.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.entity.Caller;

/** Records the events of a person's session that no item boundary sees: signing in and out, a refused page. */
@Stateless
public class Sessions {

    @Inject
    AuditGate audit;

    public void signedIn(Caller caller) {
        audit.record(caller, AuditAction.SIGN_IN, AuditOutcome.ALLOWED, null, null,
                "roles " + caller.roles() + ", agencies " + caller.agencies().stream().map(a -> a.getCode().value()).toList());
    }

    public void signedOut(Caller caller) {
        audit.record(caller, AuditAction.SIGN_OUT, AuditOutcome.ALLOWED, null, null, null);
    }

    /** A page the caller's roles do not allow (the container refused it with 403). */
    public void pageRefused(Caller caller, String page) {
        audit.record(caller, AuditAction.VIEW, AuditOutcome.DENIED, null, null, "page " + page + " not allowed for the caller's roles");
    }
}
