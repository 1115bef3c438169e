package org.interlink.item.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemStep;
import org.interlink.item.entity.ItemVersion;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.recommendation.entity.RecommendationVersion;
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

    private String id;
    private transient UploadedFile upload;
    private ItemVersion version;
    private String comment;

    /** Runs before the page renders (f:viewAction): loads the item or answers "not found". */
    public void load() throws IOException {
        Optional<ItemVersion> found = ItemId.parse(id).flatMap(itemId -> items.read(caller(), itemId));
        if (found.isEmpty()) {
            Faces.responseSendError(404, "no such item");
            Faces.responseComplete();
            return;
        }
        version = found.get();
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
        return items.versions(caller(), itemId());
    }

    public List<ItemEvent> getHistory() {
        return items.history(caller(), itemId());
    }

    /** A linked item (meeting, recommendation) the caller may read, or empty: links never leak. */
    public Optional<ItemVersion> readable(Item linked) {
        return items.read(caller(), linked.id());
    }

    public List<ItemVersion> getReadableRecommendations() {
        return meeting().getRecommendations().stream().map(this::readable).flatMap(Optional::stream).toList();
    }

    public Optional<ItemVersion> getReadableMeeting() {
        return recommendation().getMeeting().flatMap(this::readable);
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

    public ItemKind getKind() {
        return version.getItem().getKind();
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
