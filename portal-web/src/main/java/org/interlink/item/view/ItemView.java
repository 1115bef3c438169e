package org.interlink.item.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.entity.Agency;
import org.interlink.agreement.entity.PurposeOfUse;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.security.SignedInSessions;
import org.interlink.caller.view.SecondFactorView;
import org.interlink.consent.boundary.ConsentRequests;
import org.interlink.infrastructure.i18n.Language;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Dossier;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemStep;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.PurposeNotAllowed;
import org.interlink.item.entity.PurposeRequired;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.records.entity.RecordVersion;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.workflow.entity.WorkflowState;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code item.xhtml?id=…}: one item as the caller may read it (their agency's current version, or
 * the shared one), its versions and history, its attachments and the workflow steps the caller may
 * take. The follow-through of the shared version has views of its own that read the item from this
 * one: a recommendation's decision and progress ({@code FollowUpView}), a meeting's action items
 * ({@code ActionItemsView}). An item the caller may not read answers 404, like a missing one.
 */
@Named
@ViewScoped
public class ItemView implements Serializable {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long serialVersionUID = 1L;

    @Inject
    SignedInSessions signedInSessions;

    @Inject
    Items items;

    @Inject
    SharedItems sharedItems;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Attachments attachments;

    @Inject
    ReadingPurposes purposes;

    @Inject
    Language language;

    @Inject
    ConsentRequests consents;

    @Inject
    Agencies agencies;

    private String id;
    private transient UploadedFile upload;
    private Dossier dossier;
    private boolean purposeAsked;
    private String reason;
    private String reasonText;
    private ItemVersion version;
    private String comment;
    private String consentAgency;
    private String consentReason;
    private transient List<Agency> consentTargets;

    /** The reasons a reader chooses from when an AMBER or RED item asks for a purpose: those its agreement allows. */
    private List<String> reasons = List.of();

    /**
     * Runs before the page renders (f:viewAction): asks for the purpose first when the item needs
     * one, else loads the item as one audited read, or answers "not found".
     */
    public void load() throws IOException {
        Optional<Dossier> found;
        try {
            found = ItemId.parse(id).flatMap(i -> sharedItems.dossier(caller(), i, purposes.of(i.value()).orElse(null)));
        } catch (PurposeRequired asked) {
            askPurpose(asked.item());
            return;
        } catch (PurposeNotAllowed refused) {
            askPurpose(refused.item());
            Messages.addGlobalError("error.purposeNotAllowed", (Object[]) refused.arguments());
            return;
        }
        if (found.isEmpty()) {
            Faces.responseSendError(404, "no such item");
            Faces.responseComplete();
            return;
        }
        dossier = found.get();
        version = dossier.version();
    }

    /** Asks why the reader reads the item, offering the purposes the agreement it is read under allows. */
    private void askPurpose(ItemId item) {
        purposeAsked = true;
        reasons = sharedItems.purposesFor(caller(), item).stream().map(PurposeOfUse::label).toList();
    }

    /** The reader states why they read the item; it is recorded with the read. */
    public String givePurpose() {
        if (reason == null || reason.isBlank() || "Other".equals(reason) && (reasonText == null || reasonText.isBlank())) {
            Messages.addGlobalError("error.purposeMissing");
            return null;
        }
        String purpose = reasonText == null || reasonText.isBlank() ? reason : reason + ": " + reasonText.trim();
        purposes.give(ItemId.parse(id).orElseThrow().value(), purpose);
        return "/item?faces-redirect=true&id=" + id;
    }

    /** Whether the caller may ask the owner to pass this item on: they read its published version from another agency. */
    public boolean isConsentAskable() {
        return version != null && version.getState() == WorkflowState.PUBLISHED
                && !caller().activeAgency().map(version.getItem()::isOwnedBy).orElse(true);
    }

    /** The agencies the item could be passed on to: not its owner, not the caller's, none it is shared with by name. */
    public List<Agency> getConsentTargets() {
        if (consentTargets == null) {
            // asked several times while the page renders: the directory is read once
            Agency own = caller().activeAgency().orElse(null);
            consentTargets = agencies.all().stream().filter(a -> !version.getItem().isOwnedBy(a) && !a.equals(own)
                    && !version.getAgencyGrants().contains(a)).toList();
        }
        return consentTargets;
    }

    public String askConsent() {
        consents.request(caller(), itemId(), consentAgency, consentReason);
        Messages.addFlashGlobalInfo("notice.consentAsked");
        return "/item?faces-redirect=true&id=" + id;
    }

    public String submit() {
        return take(item -> items.submit(caller(), item), "notice.submitted");
    }

    public String publish() {
        if (may("PUBLISH") && !signedInSessions.requireRecentSecondFactor(Faces.getSession(), caller(), "publishing item " + id)) {
            Messages.addGlobalError("item.secondFactorToConfirm", signedInSessions.secondFactorMaxAgeMinutes());
            return null;
        }
        return take(item -> items.publish(caller(), item, comment), "notice.published");
    }

    /** Publishing asks for a recent second factor: when the session's is older, the page asks to confirm it first. */
    public boolean isSecondFactorToConfirm() {
        return may("PUBLISH") && !signedInSessions.hasRecentSecondFactor(Faces.getSession());
    }

    public long getSecondFactorMaxAgeMinutes() {
        return signedInSessions.secondFactorMaxAgeMinutes();
    }

    /** Signs in again for Keycloak to ask for the code alone, and comes back to this item. */
    public void confirmSecondFactor() throws IOException {
        SecondFactorView.signInAgain(Faces.getRequestContextPath() + "/item.xhtml?id=" + id);
    }

    public String returnToAuthor() {
        return take(item -> items.returnToAuthor(caller(), item, comment), "notice.returned");
    }

    public String withdraw() {
        return take(item -> items.withdraw(caller(), item, comment), "notice.withdrawn");
    }

    public String archive() {
        return take(item -> items.archive(caller(), item), "notice.archived");
    }

    /**
     * The author attaches the chosen file to their editable version. The file is handed on as the
     * stream of the uploaded part (which the container keeps on disk beyond 1 MB), so the boundary
     * reads no more of it than its limit allows.
     */
    public String attach() throws IOException {
        if (upload == null || upload.getFileName() == null || upload.getFileName().isBlank()) {
            Messages.addGlobalError("error.fileMissing");
            return null;
        }
        try (InputStream file = upload.getInputStream()) {
            return take(item -> attachments.attach(caller(), item, upload.getFileName(), upload.getContentType(), file),
                    "notice.attached", upload.getFileName());
        } finally {
            upload.delete();
        }
    }

    public String detach(long attachmentId) {
        return take(item -> attachments.detach(caller(), item, attachmentId), "notice.detached");
    }

    public String startNewVersion() {
        take(item -> items.startNewVersion(caller(), item), "notice.newVersion");
        return editOutcome();
    }

    /**
     * Takes a step on this item (given its id), flashes the notice {@code done} and shows the item
     * again: a redirect, so the page is read afresh and reloading it takes no step twice. The
     * follow-up's and the action items' views take theirs through it too.
     */
    public String take(Consumer<ItemId> step, String done, Object... parameters) {
        step.accept(itemId());
        Messages.addFlashGlobalInfo(done, parameters);
        return "/item?faces-redirect=true&id=" + id;
    }

    /** The edit page of this item's kind. */
    public String editOutcome() {
        String page = switch (version.getItem().getKind()) {
            case RECORD -> "/record-edit";
            case RECOMMENDATION -> "/recommendation-edit";
            case MEETING_OUTCOME -> "/meeting-edit";
        };
        return page + "?faces-redirect=true&id=" + id;
    }

    public boolean may(String step) {
        return steps().contains(ItemStep.valueOf(step));
    }

    /** The attachments card: there are files, or the caller may add some. */
    public boolean isAttachmentsShown() {
        return !version.getAttachments().isEmpty() || may("EDIT");
    }

    /**
     * The steps taken with a comment are on offer: publishing (returning goes with it) or
     * withdrawing; the comment field and their buttons are shown.
     */
    public boolean isCommentedStepOffered() {
        return may("PUBLISH") || may("WITHDRAW");
    }

    /** Publishing is offered once the session's second factor is recent enough (else its confirmation is). */
    public boolean isPublishOffered() {
        return may("PUBLISH") && !isSecondFactorToConfirm();
    }

    /** The author of a submitted version who is also a vetter sees why they cannot vet it. */
    public boolean isOwnVersionToVet() {
        Caller caller = caller();
        return caller.hasRole(Role.VETTER) && version.getState() == WorkflowState.SUBMITTED
                && version.isAuthoredBy(caller.username()) && isOwnAgency();
    }

    public boolean isOwnAgency() {
        return caller().activeAgency().map(version.getItem()::isOwnedBy).orElse(false);
    }

    public List<ItemVersion> getVersions() {
        return dossier.versions();
    }

    public List<ItemEvent> getHistory() {
        return dossier.history();
    }

    /** The linked recommendations the caller may read (others are left out, never hinted at). */
    public List<ItemVersion> getReadableRecommendations() {
        return dossier.links();
    }

    /** The meeting the recommendation came from, if the caller may read it. */
    public Optional<ItemVersion> getReadableMeeting() {
        return dossier.links().stream().findFirst();
    }

    /**
     * The shared version, if the caller reads it (a newer draft's reader may not read an older RED
     * edition): it carries a recommendation's follow-up and a meeting's action items' updates.
     */
    public Optional<ItemVersion> sharedVersion() {
        return dossier.sharedVersion();
    }

    public boolean isPurposeAsked() {
        return purposeAsked;
    }

    public List<String> getReasons() {
        return reasons;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getReasonText() {
        return reasonText;
    }

    public void setReasonText(String reasonText) {
        this.reasonText = reasonText;
    }

    public RecordVersion record() {
        return (RecordVersion) version;
    }

    public RecommendationVersion recommendation() {
        return (RecommendationVersion) version;
    }

    public MeetingVersion meeting() {
        return (MeetingVersion) version;
    }

    /** Null while the purpose question is asked: JSTL tags evaluate before {@code rendered}. */
    public ItemKind getKind() {
        return version == null ? null : version.getItem().getKind();
    }

    private Set<ItemStep> steps() {
        return version.getItem().stepsFor(caller());
    }

    private ItemId itemId() {
        return version.getItem().id();
    }

    private Caller caller() {
        return currentCaller.get();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ItemVersion getVersion() {
        return version;
    }

    /**
     * The title and summary in the languages the reader is not shown first: as written (when shown a
     * translation) and every other translation.
     */
    public List<OtherText> getOtherTexts() {
        if (version == null) {
            return List.of();
        }
        String shown = version.languageFor(language.getTag());
        List<OtherText> others = new ArrayList<>();
        if (shown != null && !shown.equals(version.getLanguage())) {
            others.add(new OtherText(version.getLanguage(), version.getTitle(), version.getSummary()));
        }
        version.texts().others().forEach((other, text) -> {
            if (!other.equals(shown)) {
                others.add(new OtherText(other, text.getTitle(), text.getSummary()));
            }
        });
        return others;
    }

    /** A title and summary in a language (null: not stated). */
    public record OtherText(String language, String title, String summary) implements Serializable {
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    /** A history snapshot (JSON) laid out to be read: one field per line. */
    public String pretty(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            StringWriter out = new StringWriter();
            JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(reader.readValue());
            return out.toString().trim();
        }
    }

    /** A file size people read: bytes, KB or MB. */
    public String size(long bytes) {
        return bytes < 1024
                ? bytes + " B"
                : bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getConsentAgency() {
        return consentAgency;
    }

    public void setConsentAgency(String consentAgency) {
        this.consentAgency = consentAgency;
    }

    public String getConsentReason() {
        return consentReason;
    }

    public void setConsentReason(String consentReason) {
        this.consentReason = consentReason;
    }
}
