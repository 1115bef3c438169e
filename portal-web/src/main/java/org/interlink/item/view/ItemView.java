package org.interlink.item.view;

import java.util.ArrayList;
import org.interlink.infrastructure.i18n.Language;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.security.SignedInSessions;
import org.interlink.caller.view.SecondFactorView;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.boundary.Attachments;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Dossier;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemStep;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.PurposeRequired;
import org.interlink.meeting.boundary.Meetings;
import org.interlink.meeting.entity.ActionItem;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.recommendation.boundary.Recommendations;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.records.entity.RecordVersion;
import org.interlink.workflow.entity.WorkflowState;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFile;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code item.xhtml?id=…}: one item as the caller may read it (their agency's current version, or
 * the shared one), its versions and history, the workflow steps the caller may take, and the
 * follow-through of the shared version: a recommendation's decision and progress (taken by the
 * addressee's officials), a meeting's action items (updated by their owner agencies). An item the
 * caller may not read answers 404, like a missing one.
 */
@Named
@ViewScoped
public class ItemView implements Serializable {

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
    Recommendations recommendations;

    @Inject
    Meetings meetings;

    @Inject
    Language language;

    private String id;
    private transient UploadedFile upload;
    private Dossier dossier;
    private boolean purposeAsked;
    private String reason;
    private String reasonText;
    private ItemVersion version;
    private String comment;
    private FollowUpStatus decision;
    private String rationale;
    private Integer percent;
    private String note;
    private Integer actionNumber;
    private ActionStatus actionStatus;

    /** The reasons a reader chooses from when an AMBER or RED item asks for a purpose. */
    public static final List<String> REASONS = List.of("Border management operations", "Criminal investigation",
            "Humanitarian response", "Policy and analysis", "Reporting to management", "Other");

    /**
     * Runs before the page renders (f:viewAction): asks for the purpose first when the item needs
     * one, else loads the item as one audited read, or answers "not found".
     */
    public void load() throws IOException {
        Optional<Dossier> found;
        try {
            found = ItemId.parse(id).flatMap(i -> sharedItems.dossier(caller(), i, purposes.of(i.value()).orElse(null)));
        } catch (PurposeRequired asked) {
            purposeAsked = true;
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

    public String submit() {
        return step(() -> items.submit(caller(), itemId()), "notice.submitted");
    }

    public String publish() {
        if (may("PUBLISH") && !signedInSessions.requireRecentSecondFactor(Faces.getSession(), caller(), "publishing item " + id)) {
            Messages.addGlobalError("item.secondFactorToConfirm", signedInSessions.secondFactorMaxAgeMinutes());
            return null;
        }
        return step(() -> items.publish(caller(), itemId(), comment), "notice.published");
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
        return step(() -> items.returnToAuthor(caller(), itemId(), comment), "notice.returned");
    }

    public String withdraw() {
        return step(() -> items.withdraw(caller(), itemId(), comment), "notice.withdrawn");
    }

    public String archive() {
        return step(() -> items.archive(caller(), itemId()), "notice.archived");
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
            return step(() -> attachments.attach(caller(), itemId(), upload.getFileName(), upload.getContentType(), file),
                    "notice.attached", upload.getFileName());
        } finally {
            upload.delete();
        }
    }

    public String detach(long attachmentId) {
        return step(() -> attachments.detach(caller(), itemId(), attachmentId), "notice.detached");
    }

    public String startNewVersion() {
        step(() -> items.startNewVersion(caller(), itemId()), "notice.newVersion");
        return editOutcome();
    }

    /** An official of the addressee accepts, partly accepts or rejects the recommendation. */
    public String decide() {
        return step(() -> recommendations.decide(caller(), itemId(), decision, rationale), "notice.decided");
    }

    public String reportProgress() {
        if (percent == null) {
            Messages.addGlobalError("error.progressMissing");
            return null;
        }
        return step(() -> recommendations.reportProgress(caller(), itemId(), percent, note), "notice.progressReported");
    }

    public String markImplemented() {
        return step(() -> recommendations.implemented(caller(), itemId(), note), "notice.implemented");
    }

    /** An official or liaison of an action item's owner agency sets its status with a note. */
    public String updateAction() {
        if (actionNumber == null) {
            Messages.addGlobalError("error.actionItemMissing");
            return null;
        }
        return step(() -> meetings.updateActionItem(caller(), itemId(), actionNumber, actionStatus, note),
                "notice.actionItemUpdated", actionNumber);
    }

    private String step(Runnable step, String done, Object... parameters) {
        step.run();
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
     * The shared version of a recommendation, which carries the follow-up (the owner agency may be
     * working on a newer draft); null before publication.
     */
    public RecommendationVersion getFollowUp() {
        return shared() instanceof RecommendationVersion recommendation ? recommendation : null;
    }

    /** The shared version of a meeting, whose action items carry their owners' updates; else the one read. */
    public MeetingVersion getActions() {
        return shared() instanceof MeetingVersion meeting ? meeting : meeting();
    }

    /** The shared version, if the caller reads it (a newer draft's reader may not read an older RED edition). */
    private ItemVersion shared() {
        return dossier.sharedVersion().orElse(null);
    }

    public boolean mayDecide() {
        RecommendationVersion followUp = getFollowUp();
        return followUp != null && followUp.mayDecide(caller());
    }

    public boolean mayReportProgress() {
        RecommendationVersion followUp = getFollowUp();
        return followUp != null && followUp.mayReportProgress(caller());
    }

    public List<FollowUpStatus> getDecisions() {
        return FollowUpStatus.decisions();
    }

    /** The follow-through entries of the history (decisions, progress, action-item updates), newest first. */
    public List<ItemEvent> getTimeline() {
        return dossier.history().stream().filter(e -> e.getAction().isFollowThrough())
                .sorted(Comparator.comparing(ItemEvent::getAt).reversed()).toList();
    }

    /** The numbers (from 1) of the shared meeting's action items the caller updates. */
    public List<Integer> getMyActionNumbers() {
        MeetingVersion meeting = getActions();
        if (!meeting.getState().isShared()) {
            return List.of();
        }
        return IntStream.rangeClosed(1, meeting.getActionItems().size())
                .filter(n -> meeting.isActionUpdatedBy(caller(), n)).boxed().toList();
    }

    public boolean isOverdue(ActionItem action) {
        return action.isOverdue(LocalDate.now(ZoneOffset.UTC));
    }

    public ActionStatus[] getActionStatuses() {
        return ActionStatus.values();
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

    public FollowUpStatus getDecision() {
        return decision;
    }

    public void setDecision(FollowUpStatus decision) {
        this.decision = decision;
    }

    public String getRationale() {
        return rationale;
    }

    public void setRationale(String rationale) {
        this.rationale = rationale;
    }

    public Integer getPercent() {
        return percent;
    }

    public void setPercent(Integer percent) {
        this.percent = percent;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Integer getActionNumber() {
        return actionNumber;
    }

    public void setActionNumber(Integer actionNumber) {
        this.actionNumber = actionNumber;
    }

    public ActionStatus getActionStatus() {
        return actionStatus;
    }

    public void setActionStatus(ActionStatus actionStatus) {
        this.actionStatus = actionStatus;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
