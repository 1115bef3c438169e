package org.interlink.caller.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.interlink.BusinessException;
import org.interlink.agency.boundary.Access;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.InvalidAgencyCode;
import org.interlink.audit.boundary.Sessions;
import org.interlink.caller.control.ActiveAgencyChoice;
import org.interlink.caller.control.TokenIdentity;
import org.interlink.caller.control.TokenIdentityHolder;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.NotAMemberOfAgency;
import org.interlink.caller.entity.Role;
import org.interlink.infrastructure.persistence.DatabaseOutage;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The {@link Caller} of the current request, resolved once from the token identity, the agencies
 * in the database and the agency chosen earlier in the session (pages) or named by the request (API).
 * A refusal is resolved once too: an agency the caller does not belong to, named by the request or
 * chosen, is refused and recorded in the audit trail once, and every later question in the request
 * gets the same refusal.
 */
@RequestScoped
public class CurrentCaller {

    private static final Logger LOG = Logger.getLogger(CurrentCaller.class.getName());

    @Inject
    TokenIdentityHolder token;

    @Inject
    ActiveAgencyChoice choice;

    @Inject
    Access access;

    @Inject
    Sessions sessions;

    private Caller caller;
    private BusinessException refusal;
    /** The database was found unreachable while resolving the caller: the rest of this request does not ask it again. */
    private RuntimeException unreachable;

    /** Whether the request was authenticated (not on the public signed-out page). */
    public boolean isKnown() {
        return token.get().isPresent();
    }

    /**
     * @throws IllegalStateException when the request was not authenticated
     * @throws org.interlink.caller.entity.AccessEnded when an administrator ended the caller's access since the sign-in
     */
    public Caller get() {
        if (refusal != null) {
            throw refusal;
        }
        if (unreachable != null) {
            throw unreachable;
        }
        if (caller == null) {
            TokenIdentity identity = token.get()
                    .orElseThrow(() -> new IllegalStateException("no authenticated caller in this request"));
            // a sign-in without a second factor acts without the privileged roles
            List<Role> roles = identity.roles().stream().map(Role::fromClaim).flatMap(Optional::stream)
                    .filter(role -> identity.secondFactor() || !role.privileged()).toList();
            List<AgencyCode> codes = identity.organizations().stream().map(CurrentCaller::code)
                    .flatMap(Optional::stream).toList();
            try {
                if (token.isStateless()) {
                    caller = statelessCaller(identity, roles, codes);
                } else {
                    caller = Caller.resolve(identity.subject(), identity.username(), identity.displayName(), roles,
                            access.agenciesOf(identity.username(), identity.issuedAt(), codes), choice.get());
                }
            } catch (BusinessException refused) {
                refusal = refused;
                throw refused;
            } catch (RuntimeException failure) {
                if (DatabaseOutage.among(failure)) {
                    // whatever else asks for the caller in this request (its 503 page's parts among them) is answered at
                    // once: a stalled database would otherwise make it wait out the connection's timeout again
                    unreachable = failure;
                }
                throw failure;
            }
        }
        return caller;
    }

    /**
     * An API caller acts for the agency its request names, or its only agency; naming an agency
     * the caller does not belong to is refused.
     */
    private Caller statelessCaller(TokenIdentity identity, List<Role> roles, List<AgencyCode> codes) {
        Optional<AgencyCode> requested = token.requestedAgency().map(AgencyCode::of);
        Caller resolved = Caller.resolve(identity.subject(), identity.username(), identity.displayName(), roles,
                access.agenciesOf(identity.username(), identity.issuedAt(), codes), requested);
        if (requested.isPresent() && resolved.activeAgency().map(a -> !a.getCode().equals(requested.get())).orElse(true)) {
            // recorded as the caller the token makes them: their agency when they have one, else none
            sessions.refused(resolved, "refused to act for agency \"" + requested.get() + "\" named in the request: "
                    + identity.username() + " is no member of it (agencies " + codes(resolved) + ")");
            throw new NotAMemberOfAgency(identity.username(), requested.get());
        }
        return resolved;
    }

    /** The privileged roles the caller holds in Keycloak but does not act with: their sign-in lacked a second factor. */
    public Set<Role> withheldRoles() {
        TokenIdentity identity = token.get().orElseThrow(() -> new IllegalStateException("no authenticated caller in this request"));
        if (identity.secondFactor()) {
            return Set.of();
        }
        return identity.roles().stream().map(Role::fromClaim).flatMap(Optional::stream).filter(Role::privileged)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Makes the caller act for another of their agencies for the rest of the session.
     *
     * @throws org.interlink.caller.entity.NotAMemberOfAgency when they don't belong to it
     */
    public Caller actFor(AgencyCode code) {
        Caller current = get();
        try {
            caller = current.actingFor(code);
        } catch (NotAMemberOfAgency refused) {
            sessions.refused(current, "refused to act for agency \"" + code + "\": " + current.username()
                    + " is no member of it (agencies " + codes(current) + ")");
            throw refused;
        }
        choice.set(code);
        return caller;
    }

    private static List<String> codes(Caller caller) {
        return caller.agencies().stream().map(a -> a.getCode().value()).toList();
    }

    private static Optional<AgencyCode> code(String claim) {
        try {
            return Optional.of(AgencyCode.of(claim));
        } catch (InvalidAgencyCode e) {
            LOG.warning(() -> "ignoring organization claim that is no agency code: " + claim);
            return Optional.empty();
        }
    }
}
