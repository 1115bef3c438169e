package org.interlink.caller.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.security.PortalAuthentication;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.util.List;

/** {@code select-agency.xhtml}: a caller with several agencies chooses the one they act for. */
@Named
@RequestScoped
public class SelectAgencyView {

    @Inject
    CurrentCaller currentCaller;

    /** Where the caller was going; only a path inside the portal is followed. */
    @Inject
    @Param(name = "next")
    String next;

    public List<Agency> getAgencies() {
        return currentCaller.get().agencies();
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public void choose(String code) throws IOException {
        Agency agency = currentCaller.actFor(AgencyCode.of(code)).activeAgency().orElseThrow();
        Messages.addFlashGlobalInfo("notice.actingFor", agency.getName());
        Faces.redirect(PortalAuthentication.isOwnPath(next) ? next : Faces.getRequestContextPath() + "/");
    }
}
