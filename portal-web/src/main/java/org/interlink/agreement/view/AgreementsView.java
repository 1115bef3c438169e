package org.interlink.agreement.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.boundary.Communities;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.Community;
import org.interlink.agreement.boundary.AgreementForm;
import org.interlink.agreement.boundary.Agreements;
import org.interlink.agreement.entity.Agreement;
import org.interlink.agreement.entity.AgreementNotFound;
import org.interlink.agreement.entity.AgreementRefused;
import org.interlink.agreement.entity.AgreementStatus;
import org.interlink.agreement.entity.PurposeOfUse;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.entity.InvalidContent;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code agency/agreements.xhtml}: the data-sharing agreements of the administrator's agency, one opened for its
 * steps ({@code ?id=}: countersign, suspend, resume, terminate), and a new draft with another agency or a community.
 * A few per agency: listed whole.
 */
@Named
@ViewScoped
public class AgreementsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Agreements agreements;

    @Inject
    Agencies agencies;

    @Inject
    Communities communities;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Clock clock;

    private Long id;
    private List<Agreement> list;
    private Agreement opened;
    private String reason;
    private final AgreementForm form = new AgreementForm();
    private String partner;
    private transient UploadedFile document;
    private Coverage[] coverage = {};
    private PurposeOfUse[] purposes = {};

    public void load() {
        list = agreements.list(caller());
        opened = id == null ? null : agreements.read(caller(), id).orElse(null);
    }

    public String draft() {
        if (partner != null && partner.startsWith("community:")) {
            form.setCommunity(partner.substring("community:".length()));
            form.setAgencies(List.of());
        } else {
            form.setCommunity(null);
            form.setAgencies(partner == null ? List.of() : List.of(partner));
        }
        form.setCoverage(List.of(coverage));
        form.setPurposes(List.of(purposes));
        Agreement drafted = agreements.draft(caller(), form);
        Messages.addFlashGlobalInfo("notice.agreementDrafted", drafted.getReference());
        return reopen(drafted);
    }

    public String countersign() {
        // the document shown on this page is the one signed
        Agreement signed = agreements.countersign(caller(), id, opened.getDocumentSha256());
        Messages.addFlashGlobalInfo(signed.status(today()) == AgreementStatus.ACTIVE
                ? "notice.agreementActive"
                : "notice.agreementCountersigned", signed.getReference());
        return reopen(signed);
    }

    public String suspend() {
        Agreement suspended = agreements.suspend(caller(), id, reason);
        Messages.addFlashGlobalInfo("notice.agreementSuspended", suspended.getReference());
        return reopen(suspended);
    }

    public String resume() {
        Agreement resumed = agreements.resume(caller(), id);
        Messages.addFlashGlobalInfo("notice.agreementResumed", resumed.getReference());
        return reopen(resumed);
    }

    public String terminate() {
        Agreement terminated = agreements.terminate(caller(), id, reason);
        Messages.addFlashGlobalInfo("notice.agreementTerminated", terminated.getReference());
        return reopen(terminated);
    }

    public String attachDocument() throws IOException {
        if (document == null || document.getSize() == 0) {
            throw new InvalidContent("Choose the signed document first.", "agreement.noDocument");
        }
        try (InputStream file = document.getInputStream()) {
            Agreement attached = agreements.attachDocument(caller(), id, document.getFileName(), document.getContentType(), file);
            Messages.addFlashGlobalInfo("notice.agreementDocument", attached.getReference());
            return reopen(attached);
        }
    }

    /** Sends the opened agreement's signed document (the download is recorded). */
    public void downloadDocument() throws IOException {
        Attachments.AttachedFile file = agreements.document(caller(), id).orElseThrow(() -> new AgreementNotFound(id));
        Faces.sendFile(file.bytes(), file.filename(), true);
    }

    /** Whether the signed document may still be attached to the opened agreement by the caller's agency. */
    public boolean isDocumentOpen() {
        if (!isParty()) {
            return false;
        }
        try {
            opened.checkDocumentOpen(caller().activeAgency().get());
            return true;
        } catch (AgreementRefused closed) {
            return false;
        }
    }

    private static String reopen(Agreement agreement) {
        return "/agency/agreements?faces-redirect=true&id=" + agreement.getId();
    }

    /** The status of an agreement today (an active one past its last day is expired). */
    public AgreementStatus status(Agreement agreement) {
        return agreement.status(today());
    }

    /** Whether the caller's agency has yet to countersign the opened draft. */
    public boolean isToCountersign() {
        return opened != null && opened.status(today()) == AgreementStatus.DRAFT && opened.getParties().stream()
                .anyMatch(p -> !p.isSigned() && caller().activeAgency().map(p.getAgency()::equals).orElse(false));
    }

    public boolean isSuspendable() {
        return isParty() && opened.status(today()) == AgreementStatus.ACTIVE;
    }

    public boolean isResumable() {
        return opened != null && opened.status(today()) == AgreementStatus.SUSPENDED
                && caller().activeAgency().map(a -> a.equals(opened.getSuspendedBy())).orElse(false);
    }

    public boolean isTerminable() {
        return isParty() && opened.status(today()) != AgreementStatus.TERMINATED;
    }

    /** Whether the caller acts for a party of the opened agreement (a platform administrator reads it only). */
    private boolean isParty() {
        return opened != null && caller().activeAgency().map(opened::isParty).orElse(false);
    }

    /** The other agencies and the communities an agreement may be drafted with ({@code community:<code>} for a community). */
    public List<Partner> getPartners() {
        Optional<Agency> own = caller().activeAgency();
        List<Partner> partners = new ArrayList<>(agencies.all().stream().filter(a -> own.map(o -> !o.equals(a)).orElse(true))
                .map(a -> new Partner(a.getCode().value(), a.getName())).toList());
        for (Community community : communities.all()) {
            if (own.map(community::includes).orElse(false)) {
                partners.add(new Partner("community:" + community.getCode().value(), community.getName()));
            }
        }
        return partners;
    }

    /** An agency or a community to draft an agreement with. */
    public record Partner(String value, String name) {
    }

    public List<PurposeOfUse> getPurposeChoices() {
        return Arrays.asList(PurposeOfUse.values());
    }

    public List<Coverage> getCoverageChoices() {
        return Arrays.asList(Coverage.values());
    }

    public List<Marking> getMarkingChoices() {
        return List.of(Marking.GREEN, Marking.AMBER, Marking.AMBER_STRICT, Marking.RED);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Caller caller() {
        return currentCaller.get();
    }

    public List<Agreement> getList() {
        return list;
    }

    public Agreement getOpened() {
        return opened;
    }

    public AgreementForm getForm() {
        return form;
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

    public String getPartner() {
        return partner;
    }

    public void setPartner(String partner) {
        this.partner = partner;
    }

    public Coverage[] getCoverage() {
        return coverage;
    }

    public void setCoverage(Coverage[] coverage) {
        this.coverage = coverage;
    }

    public PurposeOfUse[] getPurposes() {
        return purposes;
    }

    public void setPurposes(PurposeOfUse[] purposes) {
        this.purposes = purposes;
    }

    public UploadedFile getDocument() {
        return document;
    }

    public void setDocument(UploadedFile document) {
        this.document = document;
    }
}
