package org.interlink.recommendation.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.view.ItemView;
import org.interlink.recommendation.boundary.Recommendations;
import org.interlink.recommendation.entity.FollowUpStatus;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * The follow-up card of a recommendation's {@code item.xhtml}: what became of the shared version
 * (its decision, progress and timeline), and the forms in which the addressee's officials decide
 * and report progress. It reads the item from the page's {@link ItemView} and takes its steps
 * through it.
 */
@Named
@ViewScoped
public class FollowUpView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ItemView item;

    @Inject
    Recommendations recommendations;

    @Inject
    CurrentCaller currentCaller;

    private FollowUpStatus decision;
    private String rationale;
    private Integer percent;
    private String note;

    /** The card is shown for a recommendation once it is published (the shared version carries the follow-up). */
    public boolean isShown() {
        return item.getKind() == ItemKind.RECOMMENDATION && getFollowUp() != null;
    }

    /**
     * The shared version of a recommendation, which carries the follow-up (the owner agency may be
     * working on a newer draft); null before publication.
     */
    public RecommendationVersion getFollowUp() {
        return item.sharedVersion().orElse(null) instanceof RecommendationVersion recommendation ? recommendation : null;
    }

    /** The progress bar: once progress is reported, and at 100 % when implemented. */
    public boolean isProgressShown() {
        RecommendationVersion followUp = getFollowUp();
        FollowUpStatus status = followUp == null ? null : followUp.getFollowUp();
        return status == FollowUpStatus.IN_PROGRESS || status == FollowUpStatus.IMPLEMENTED;
    }

    /** An official of the addressee accepts, partly accepts or rejects the recommendation. */
    public String decide() {
        return item.take(id -> recommendations.decide(currentCaller.get(), id, decision, rationale), "notice.decided");
    }

    public String reportProgress() {
        if (percent == null) {
            Messages.addGlobalError("error.progressMissing");
            return null;
        }
        return item.take(id -> recommendations.reportProgress(currentCaller.get(), id, percent, note), "notice.progressReported");
    }

    public String markImplemented() {
        return item.take(id -> recommendations.implemented(currentCaller.get(), id, note), "notice.implemented");
    }

    public boolean mayDecide() {
        RecommendationVersion followUp = getFollowUp();
        return followUp != null && followUp.mayDecide(currentCaller.get());
    }

    public boolean mayReportProgress() {
        RecommendationVersion followUp = getFollowUp();
        return followUp != null && followUp.mayReportProgress(currentCaller.get());
    }

    public List<FollowUpStatus> getDecisions() {
        return FollowUpStatus.decisions();
    }

    /** The follow-through entries of the history (decisions, progress, action-item updates), newest first. */
    public List<ItemEvent> getTimeline() {
        return item.getHistory().stream().filter(e -> e.getAction().isFollowThrough())
                .sorted(Comparator.comparing(ItemEvent::getAt).reversed()).toList();
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
}
