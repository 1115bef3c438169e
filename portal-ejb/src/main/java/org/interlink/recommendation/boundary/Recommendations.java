package org.interlink.recommendation.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.interlink.caller.entity.Caller;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.recommendation.entity.RecommendationContent;
import org.interlink.sharing.boundary.SharingResolver;

import java.util.List;

/** Drafting and editing recommendations to another agency. */
@Stateless
public class Recommendations {

    @Inject
    Items items;

    @Inject
    SharingResolver sharing;

    public Item draft(@NotNull Caller caller, @Valid @NotNull RecommendationForm form) {
        return items.draft(caller, content(caller, form), sharing.resolve(form.getSharing()));
    }

    /**
     * @param expectedTag the tag of the version the form was filled from (pages and API send it), or
     *                    null to skip the check
     */
    public Item edit(@NotNull Caller caller, @NotNull ItemId id, @Valid @NotNull RecommendationForm form, String expectedTag) {
        return items.edit(caller, id, content(caller, form), sharing.resolve(form.getSharing()), expectedTag);
    }

    /** The meeting must be one the author can read; the addressee one of the member agencies. */
    private RecommendationContent content(Caller caller, RecommendationForm form) {
        Item meeting = form.getMeeting() == null ? null : items.readToLink(caller, new ItemId(form.getMeeting()), ItemKind.RECOMMENDATION)
                .orElseThrow(() -> new ItemNotFound(new ItemId(form.getMeeting()))).getItem();
        return new RecommendationContent(form.getTitle(), form.getSummary(),
                sharing.agencies(List.of(form.getAddressee())).iterator().next(), meeting);
    }
}
