package org.interlink.caller.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Role;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.util.List;

/**
 * {@code second-factor.xhtml}: a page for privileged roles was asked for by a person who holds such a role but signed
 * in with a password only; the page says so and signs them in again, for Keycloak to ask for their one-time code
 * (or security key). The portal session ends, the Keycloak session does not: Keycloak asks for the second factor
 * alone, and the new session lands on the page asked for.
 */
@Named
@RequestScoped
public class SecondFactorView {

    @Inject
    CurrentCaller currentCaller;

    /** The page asked for; only a path inside the portal is followed. */
    @Inject
    @Param(name = "next")
    String next;

    /** The privileged roles the person holds but does not act with in this session. */
    public List<Role> getWithheldRoles() {
        return currentCaller.withheldRoles().stream().sorted().toList();
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public void signInAgain() throws IOException {
        String page = SelectAgencyView.isLocalPath(next) ? next : Faces.getRequestContextPath() + "/";
        Faces.invalidateSession();
        Faces.redirect(page);
    }
}
