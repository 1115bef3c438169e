package org.interlink.recommendation.entity;

import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import org.interlink.agency.entity.Agency;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.NotAllowed;
import org.interlink.sharing.entity.Coverage;
import org.interlink.workflow.entity.IllegalTransition;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A version of a recommendation. Its published version also carries the addressee's follow-up
 * ({@link FollowUpStatus}): only an official of the addressee agency decides, with a rationale, and
 * then reports progress until the recommendation is implemented. A rejected or implemented
 * recommendation is settled. Taken through {@link Item#followThrough}, which records each step in
 * the history everyone who reads the recommendation sees.
 */
@Entity
@Table(name = "recommendation_version")
@DiscriminatorValue("RECOMMENDATION")
@PrimaryKeyJoinColumn(name = "id")
public class RecommendationVersion extends ItemVersion {

    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "addressee_agency_id", nullable = false)
    private Agency addressee;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "meeting_item_id")
    private Item meeting;

    @Enumerated(EnumType.STRING)
    @Column(name = "follow_up_status", nullable = false, length = 24)
    private FollowUpStatus followUp = FollowUpStatus.UNDER_CONSIDERATION;

    /** How far the implementation has come, in percent. */
    @Column(nullable = false)
    private int progress;

    @Column(length = 4000)
    private String rationale;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "follow_up_at")
    private Instant followedUpAt;

    protected RecommendationVersion() {
    }

    /**
     * The addressee accepts (wholly or partly) or rejects the recommendation, saying why.
     *
     * @return the history entry's comment
     */
    public String decide(Caller caller, FollowUpStatus decision, String rationale, Instant now) {
        requireAddresseeOfficial(caller);
        if (decision == null || !decision.isDecision()) {
            throw new InvalidContent("Decide to accept, partially accept or reject the recommendation.");
        }
        if (followUp != FollowUpStatus.UNDER_CONSIDERATION) {
            throw new IllegalTransition("The recommendation is " + followUp.label() + " already: it was decided on "
                    + decidedAt + " by " + decidedBy + ".");
        }
        String why = required(rationale, "Give the rationale of the decision: the submitting agency reads it.");
        this.followUp = decision;
        this.rationale = why;
        this.decidedBy = caller.username().value();
        this.decidedAt = now;
        this.followedUpAt = now;
        return decision.label() + ": " + why;
    }

    /**
     * The addressee reports how far the implementation of an accepted recommendation has come (below
     * 100 %: a finished one is {@link #implemented}), in a dated note.
     */
    public String reportProgress(Caller caller, int percent, String note, Instant now) {
        requireAddresseeOfficial(caller);
        requireBeingImplemented("progress reported");
        if (percent < 0 || percent > 99) {
            throw new InvalidContent("Progress is a percentage from 0 to 99; mark the recommendation implemented when it is done.");
        }
        String text = required(note, "Say in a note what was done: it is the progress report.");
        this.followUp = FollowUpStatus.IN_PROGRESS;
        this.progress = percent;
        this.followedUpAt = now;
        return percent + " %: " + text;
    }

    /** The addressee has implemented the accepted recommendation. */
    public String implemented(Caller caller, String note, Instant now) {
        requireAddresseeOfficial(caller);
        requireBeingImplemented("implemented");
        this.followUp = FollowUpStatus.IMPLEMENTED;
        this.progress = 100;
        this.followedUpAt = now;
        return note == null || note.isBlank() ? "100 %" : "100 %: " + note.trim();
    }

    /** Whether the caller may {@link #decide} now. */
    public boolean mayDecide(Caller caller) {
        return isAnsweredBy(caller) && followUp == FollowUpStatus.UNDER_CONSIDERATION;
    }

    /** Whether the caller may {@link #reportProgress} or mark it {@link #implemented} now. */
    public boolean mayReportProgress(Caller caller) {
        return isAnsweredBy(caller) && followUp.isBeingImplemented();
    }

    /** Whether the caller answers for the addressee: an official acting for it. */
    public boolean isAnsweredBy(Caller caller) {
        return caller.hasRole(Role.OFFICIAL) && caller.activeAgency().map(addressee::equals).orElse(false);
    }

    private void requireAddresseeOfficial(Caller caller) {
        if (!isAnsweredBy(caller)) {
            throw new NotAllowed("Only officials of " + addressee.getName() + ", to whom it is addressed, follow up this recommendation.");
        }
    }

    private void requireBeingImplemented(String what) {
        if (!followUp.isBeingImplemented()) {
            throw new IllegalTransition("The recommendation is " + followUp.label() + " and cannot be " + what
                    + (followUp == FollowUpStatus.UNDER_CONSIDERATION ? " before it is accepted." : "."));
        }
    }

    private static String required(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new InvalidContent(message);
        }
        return text.trim();
    }

    @Override
    protected Coverage covers() {
        return Coverage.RECOMMENDATION;
    }

    @Override
    protected void carryOver(ItemVersion superseded) {
        RecommendationVersion previous = (RecommendationVersion) superseded;
        if (previous.addressee.equals(addressee)) {
            this.followUp = previous.followUp;
            this.progress = previous.progress;
            this.rationale = previous.rationale;
            this.decidedBy = previous.decidedBy;
            this.decidedAt = previous.decidedAt;
            this.followedUpAt = previous.followedUpAt;
        }
    }

    @Override
    protected void apply(ItemContent content) {
        RecommendationContent recommendation = (RecommendationContent) content;
        this.addressee = recommendation.addressee();
        this.meeting = recommendation.meeting();
    }

    @Override
    public RecommendationContent content() {
        return new RecommendationContent(getTitle(), getSummary(), addressee, meeting);
    }

    @Override
    protected void describe(JsonObjectBuilder snapshot) {
        snapshot.add("addressee", addressee.getCode().value());
        if (meeting != null) {
            snapshot.add("meeting", meeting.getId());
        }
    }

    @Override
    public Set<Item> links() {
        return meeting == null ? Set.of() : Set.of(meeting);
    }

    public Agency getAddressee() {
        return addressee;
    }

    public FollowUpStatus getFollowUp() {
        return followUp;
    }

    public int getProgress() {
        return progress;
    }

    public Optional<String> getRationale() {
        return Optional.ofNullable(rationale);
    }

    public Optional<Username> getDecidedBy() {
        return Optional.ofNullable(decidedBy).map(Username::new);
    }

    public Optional<Instant> getDecidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    /** When the addressee last followed the recommendation up (decision or progress). */
    public Optional<Instant> getFollowedUpAt() {
        return Optional.ofNullable(followedUpAt);
    }

    /** The meeting outcome the recommendation came from (the reader sees it only if the gate lets them). */
    public Optional<Item> getMeeting() {
        return Optional.ofNullable(meeting);
    }
}
