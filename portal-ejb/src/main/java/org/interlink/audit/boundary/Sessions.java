package org.interlink.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.audit.entity.AuditRecord;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Username;

import java.time.Clock;
import java.time.Instant;

/**
 * Records the events of a person's session that no item boundary sees: signing in and out, a refused
 * page, and the requests refused before any boundary was asked — because of who is asking (no active
 * agency, an agency they do not belong to, access ended by an administrator) or because the portal
 * cannot tell who is asking at all (an API token it does not accept).
 */
@Stateless
public class Sessions {

    /** The actor of a request refused before the portal could name its caller. */
    public static final String ANONYMOUS = "anonymous";

    @Inject
    AuditGate audit;

    @Inject
    Clock clock;

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

    /**
     * A request refused because of who the caller is, before any boundary had a say (e.g. they belong
     * to no active agency, or named an agency they do not belong to); recorded in a transaction of its
     * own, like every refusal.
     */
    public void refused(Caller caller, String details) {
        audit.recordRefusal(caller, AuditAction.VIEW, null, details);
    }

    /**
     * A session or token an administrator ended since it began (account disabled, roles or agencies
     * changed): the person is known by name only, as the caller they were is no longer resolved.
     */
    public void accessEnded(Username username, String clientAddress, String details) {
        audit.record(new AuditRecord(Instant.now(clock), username.value(), null, AuditAction.SIGN_IN, null, null,
                AuditOutcome.DENIED, clientAddress, null, null, details));
    }

    /**
     * A portal session that ended without its person signing out in the portal (Keycloak ended it, or it reached
     * its absolute lifetime), recorded on the chain of the agency the person acted for ({@code actorAgency} null
     * for none).
     */
    public void sessionEnded(Username username, String actorAgency, String details) {
        audit.record(new AuditRecord(Instant.now(clock), username.value(), actorAgency, AuditAction.SIGN_OUT, null, null,
                AuditOutcome.ALLOWED, null, null, null, details));
    }

    /**
     * A request refused before the portal could name its caller (e.g. an API token it does not
     * accept), or the count of such refusals: actor {@value #ANONYMOUS}, no agency (the platform's
     * chains, for its administrators), a failed sign-in from {@code clientAddress}.
     */
    public void anonymousRefused(String clientAddress, String userAgent, String details) {
        audit.record(new AuditRecord(Instant.now(clock), ANONYMOUS, null, AuditAction.SIGN_IN, null, null,
                AuditOutcome.FAILED, clientAddress, userAgent, null, details));
    }
}
