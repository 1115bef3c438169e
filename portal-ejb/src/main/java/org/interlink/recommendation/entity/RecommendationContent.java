package org.interlink.recommendation.entity;

import org.interlink.agency.entity.Agency;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemVersion;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.sharing.entity.Sharing;

/**
 * The content of a recommendation: what one agency recommends to another (the addressee), and
 * the meeting it came from, if any. The addressee must be in the audience.
 */
public record RecommendationContent(String title, String summary, Agency addressee, Item meeting) implements ItemContent {

    @Override
    public ItemKind kind() {
        return ItemKind.RECOMMENDATION;
    }

    @Override
    public ItemVersion createVersion() {
        return new RecommendationVersion();
    }

    @Override
    public void check(Agency owner, Sharing sharing) {
        if (addressee == null) {
            throw new InvalidContent("Choose the agency the recommendation is addressed to.");
        }
        if (addressee.equals(owner)) {
            throw new InvalidContent("A recommendation is addressed to another agency than your own.");
        }
        if (meeting != null && meeting.getKind() != ItemKind.MEETING_OUTCOME) {
            throw new InvalidContent("A recommendation can be linked to a meeting outcome only.");
        }
        if (!sharing.reaches(addressee)) {
            throw new IllegalSharing("A recommendation must be shared with the agency it is addressed to ("
                    + addressee.getName() + ").");
        }
    }
}
