package org.interlink.item.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemStep;
import org.interlink.item.entity.ItemVersion;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.records.entity.RecordVersion;
import org.interlink.workflow.entity.WorkflowState;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFile;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code item.xhtml?id=…}: one item as the caller may read it (their agency's current version, or
 * the shared one), its versions and history, and the workflow steps the caller may take. An item
 * the caller may not read answers 404, like a missing one.
 */
@Named
@ViewScoped
public class ItemView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Items items;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Attachments attachments;

    @Inject
    ReadingPurposes purposes;

    private String id;
    private transient UploadedFile upload;
    private VisibilityGate.Dossier dossier;
    private boolean purposeAsked;
    private String reason;
    private String reasonText;
    private ItemVersion version;
    private String comment;

    /** The reasons a reader chooses from when an AMBER or RED item asks for a purpose. */
    public static final List<String> REASONS = List.of("Border management operations", "Criminal investigation",
            "Humanitarian response", "Policy and analysis", "Reporting to management", "Other");

    /**
     * Runs before the page renders (f:viewAction): asks for the purpose first when the item needs
     * one, else loads the item as one audited read, or answers "not found".
     */
    public void load() throws IOException {
        Optional<ItemId> itemId = ItemId.parse(id);
        if (itemId.isPresent() && purposes.of(itemId.get().value()).isEmpty() && items.needsPurpose(caller(), itemId.get())) {
            purposeAsked = true;
            return;
        }
        Optional<VisibilityGate.Dossier> found = itemId.flatMap(i -> items.dossier(caller(), i,
                purposes.of(i.value()).orElse(null)));
        if (found.isEmpty()) {
            Faces.responseSendError(404, "no such item");
            Faces.responseComplete();
            return;
        }
        dossier = found.get();
        version = dossier.version();
    }

    /** The reader states why they read the item; it is recorded with the read. */
    public String givePurpose() {
        if (reason == null || reason.isBlank() || "Other".equals(reason) && (reasonText == null || reasonText.isBlank())) {
            Messages.addGlobalError("Choose why you read this item (and say it in your words for \"Other\").");
            return null;
        }
        String purpose = reasonText == null || reasonText.isBlank() ? reason : reason + ": " + reasonText.trim();
        purposes.give(ItemId.parse(id).orElseThrow().value(), purpose);
        return "/item?faces-redirect=true&id=" + id;
    }

    public String submit() {
        return step(() -> items.submit(caller(), itemId()), "Submitted to the vetters of your agency.");
    }

    public String publish() {
        return step(() -> items.publish(caller(), itemId(), comment), "Published: it is now shared as its marking and scope say.");
    }

    public String returnToAuthor() {
        return step(() -> items.returnToAuthor(caller(), itemId(), comment), "Returned to the author with your comment.");
    }

    public String withdraw() {
        return step(() -> items.withdraw(caller(), itemId(), comment), "Withdrawn.");
    }

    public String archive() {
        return step(() -> items.archive(caller(), itemId()), "Archived: still readable, no longer changed.");
    }

    /** The author attaches the chosen file to their editable version. */
    public String attach() {
        if (upload == null || upload.getSize() == 0) {
            Messages.addGlobalError("Choose a file to attach.");
            return null;
        }
        return step(() -> attachments.attach(caller(), itemId(), upload.getFileName(), upload.getContentType(), upload.getContent()),
                "Attached " + upload.getFileName() + ".");
    }

    public String detach(long attachmentId) {
        return step(() -> attachments.detach(caller(), itemId(), attachmentId), "Attachment removed.");
    }

    public String startNewVersion() {
        step(() -> items.startNewVersion(caller(), itemId()), "A new version is started; the published one stays shared until the new one is published.");
        return editOutcome();
    }

    private String step(Runnable step, String done) {
        step.run();
        Messages.addFlashGlobalInfo(done);
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

    public boolean isPurposeAsked() {
        return purposeAsked;
    }

    public List<String> getReasons() {
        return REASONS;
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

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    /** A history snapshot (JSON) laid out to be read: one field per line. */
    public String pretty(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            StringWriter out = new StringWriter();
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(reader.readValue());
            return out.toString().trim();
        }
    }

    /** A file size people read: bytes, KB or MB. */
    public String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
