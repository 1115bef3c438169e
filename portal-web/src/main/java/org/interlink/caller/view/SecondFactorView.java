package org.interlink.caller.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.security.PortalAuthentication;
import org.interlink.caller.security.SignedInSessions;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.util.List;

/**
 * {@code second-factor.xhtml}: a page for privileged roles was asked for by a person who holds such a role but signed
 * in with a password only — or, with {@code recent=true}, an administration page by a person whose second factor is
 * older than publishing and administration accept; the page says so and signs them in again, for Keycloak to ask for
 * their one-time code (or security key). The portal session ends, the Keycloak session does not: Keycloak asks for the
 * second factor alone, and the new session lands on the page asked for.
 */
@Named
@RequestScoped
public class SecondFactorView {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    SignedInSessions signedInSessions;

    /** The page asked for; only a path inside the portal is followed. */
    @Inject
    @Param(name = "next")
    String next;

    /** Whether the second factor is there but too old (step-up), rather than missing. */
    @Inject
    @Param(name = "recent")
    String recent;

    public boolean isRecent() {
        return "true".equals(recent);
    }

    public long getMaxAgeMinutes() {
        return signedInSessions.secondFactorMaxAgeMinutes();
    }

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
        signInAgain(PortalAuthentication.isOwnPath(next) ? next : Faces.getRequestContextPath() + "/");
    }

    /**
     * Ends the portal session (not Keycloak's) and opens {@code page}: the sign-in it starts asks Keycloak for the second
     * factor again, which asks for it alone (it still knows the password), and lands on the page.
     */
    public static void signInAgain(String page) throws IOException {
        Faces.invalidateSession();
        Faces.redirect(page);
    }
}
