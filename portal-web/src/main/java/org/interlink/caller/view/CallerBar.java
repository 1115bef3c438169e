package org.interlink.caller.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.audit.boundary.AuditTrail;
import org.interlink.audit.boundary.Sessions;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.sharing.boundary.Attention;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.util.List;

/**
 * The header of every page: who is signed in, the agency they act for (with a switch when they
 * belong to several), their roles, their unread notifications, and signing out.
 */
@Named
@RequestScoped
public class CallerBar {

    @Inject
    Attention attention;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Sessions sessions;

    private Long unread;

    /** Whether a caller is known for this request (not on the public signed-out page). */
    public boolean isSignedIn() {
        return currentCaller.isKnown();
    }

    public Caller getCaller() {
        return currentCaller.get();
    }

    public List<Role> getRoles() {
        return getCaller().roles();
    }

    public boolean isPlatformAdmin() {
        return isSignedIn() && getCaller().hasRole(Role.PLATFORM_ADMIN);
    }

    public boolean isAgencyAdmin() {
        return isSignedIn() && getCaller().hasRole(Role.AGENCY_ADMIN) && getCaller().activeAgency().isPresent();
    }

    public boolean isAuditor() {
        return isSignedIn() && AuditTrail.mayAudit(getCaller());
    }

    public boolean isVetter() {
        return isSignedIn() && getCaller().hasRole(Role.VETTER);
    }

    /** The caller's unread notifications (those whose item they read), once per request. */
    public long getUnread() {
        if (unread == null) {
            unread = attention.unread(getCaller());
        }
        return unread;
    }

    /** The other agencies the caller may switch to. */
    public List<Agency> getOtherAgencies() {
        Caller caller = getCaller();
        return caller.agencies().stream().filter(a -> !caller.activeAgency().map(a::equals).orElse(false)).toList();
    }

    /** Makes the caller act for another of their agencies and shows the same page again. */
    public String actFor(String code) {
        Agency agency = currentCaller.actFor(AgencyCode.of(code)).activeAgency().orElseThrow();
        Messages.addFlashGlobalInfo("notice.actingFor", agency.getName());
        return Faces.getViewId() + "?faces-redirect=true";
    }

    /** Ends the portal session and the Keycloak session, then shows the signed-out page. */
    public void signOut() throws ServletException, IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        sessions.signedOut(getCaller());
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        if (!external.isResponseCommitted()) {
            external.redirect(external.getRequestContextPath() + "/signed-out.xhtml");
        }
        faces.responseComplete();
    }
}
