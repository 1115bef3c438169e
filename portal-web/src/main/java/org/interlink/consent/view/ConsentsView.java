package org.interlink.consent.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.security.SignedInSessions;
import org.interlink.caller.view.SecondFactorView;
import org.interlink.consent.boundary.ConsentRequests;
import org.interlink.consent.entity.ConsentRequest;
import org.interlink.consent.entity.ConsentStatus;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * {@code consents.xhtml}: the requests to pass on the vetter's agency's items (those waiting first), one opened
 * ({@code ?id=}) to approve or decline with a reason. Approving publishes a new version, so it asks for a recent second
 * factor as publishing does.
 */
@Named
@ViewScoped
public class ConsentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsentRequests consents;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    SignedInSessions signedInSessions;

    private Long id;
    private List<ConsentRequest> waiting;
    private List<ConsentRequest> all;
    private ConsentRequest opened;
    private String reason;

    public void load() {
        waiting = consents.queue(caller());
        all = consents.list(caller());
        opened = id == null ? null : consents.read(caller(), id).orElse(null);
    }

    public String approve() {
        if (!signedInSessions.requireRecentSecondFactor(Faces.getSession(), caller(), "approving consent request " + id)) {
            Messages.addGlobalError("item.secondFactorToConfirm", signedInSessions.secondFactorMaxAgeMinutes());
            return null;
        }
        consents.approve(caller(), id, reason);
        Messages.addFlashGlobalInfo("notice.consentApproved");
        return reopen();
    }

    public String decline() {
        consents.decline(caller(), id, reason);
        Messages.addFlashGlobalInfo("notice.consentDeclined");
        return reopen();
    }

    public void confirmSecondFactor() throws IOException {
        SecondFactorView.signInAgain(Faces.getRequestContextPath() + "/consents.xhtml?id=" + id);
    }

    private String reopen() {
        return "/consents?faces-redirect=true&id=" + id;
    }

    /** Whether the opened request waits for this vetter's agency. */
    public boolean isDecidable() {
        return opened != null && opened.getStatus() == ConsentStatus.PENDING
                && caller().activeAgency().map(opened.getOwner()::equals).orElse(false);
    }

    public boolean isSecondFactorToConfirm() {
        return isDecidable() && !signedInSessions.hasRecentSecondFactor(Faces.getSession());
    }

    public long getSecondFactorMaxAgeMinutes() {
        return signedInSessions.secondFactorMaxAgeMinutes();
    }

    private Caller caller() {
        return currentCaller.get();
    }

    public List<ConsentRequest> getWaiting() {
        return waiting;
    }

    public List<ConsentRequest> getAll() {
        return all;
    }

    public ConsentRequest getOpened() {
        return opened;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
