package org.interlink.recommendation.entity;

import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import org.interlink.agency.entity.Agency;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemVersion;

import java.util.Optional;

/** A version of a recommendation. */
@Entity
@Table(name = "recommendation_version")
@DiscriminatorValue("RECOMMENDATION")
@PrimaryKeyJoinColumn(name = "id")
public class RecommendationVersion extends ItemVersion {

    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false)
    @JoinColumn(name = "addressee_agency_id", nullable = false)
    private Agency addressee;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "meeting_item_id")
    private Item meeting;

    protected RecommendationVersion() {
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
    public java.util.Set<Item> links() {
        return meeting == null ? java.util.Set.of() : java.util.Set.of(meeting);
    }

    public Agency getAddressee() {
        return addressee;
    }

    /** The meeting outcome the recommendation came from (the reader sees it only if the gate lets them). */
    public Optional<Item> getMeeting() {
        return Optional.ofNullable(meeting);
    }
}
