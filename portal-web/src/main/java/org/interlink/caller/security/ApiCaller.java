package org.interlink.caller.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.interlink.audit.boundary.Sessions;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.infrastructure.rest.ApiRefusal;

import java.util.stream.Collectors;

/**
 * The caller of an API request, ready to act: a caller who belongs to no agency is refused (403),
 * one who belongs to several and did not name one in {@value ApiIdentityFilter#AGENCY_HEADER} is asked to (400).
 * Both refusals are recorded in the audit trail, once per request however often an endpoint asks.
 */
@RequestScoped
public class ApiCaller {

    @Inject
    CurrentCaller current;

    @Inject
    Sessions sessions;

    @Inject
    HttpServletRequest request;

    private ApiRefusal refusal;

    public Caller get() {
        if (refusal != null) {
            throw refusal;
        }
        Caller caller = current.get();
        if (caller.isWithoutAgency()) {
            throw refuse(caller, new ApiRefusal("no-agency", "No agency", 403,
                    caller.username() + " belongs to no active agency of the portal and can do nothing here."));
        }
        if (caller.mustChooseAgency()) {
            throw refuse(caller, new ApiRefusal("agency-required", "Say which agency you act for", 400,
                    caller.username() + " belongs to several agencies (" + caller.agencies().stream()
                            .map(a -> a.getCode().value()).collect(Collectors.joining(", "))
                            + "): name the one this request acts for in the " + ApiIdentityFilter.AGENCY_HEADER + " header."));
        }
        return caller;
    }

    private ApiRefusal refuse(Caller caller, ApiRefusal refused) {
        refusal = refused;
        sessions.refused(caller, "API " + request.getMethod() + " " + request.getRequestURI() + " refused ("
                + refused.problem().status() + "): " + refused.getMessage());
        return refused;
    }
}
