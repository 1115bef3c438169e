package org.interlink.recommendation.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Listing;
import org.interlink.item.view.ItemEditView;
import org.interlink.recommendation.boundary.RecommendationForm;
import org.interlink.recommendation.entity.RecommendationVersion;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;

import java.util.List;

/** {@code recommendation-edit.xhtml}: drafting or editing a recommendation to another agency. */
@Named
@ViewScoped
public class RecommendationEditView extends ItemEditView<RecommendationForm> {

    private static final long serialVersionUID = 1L;

    @Override
    protected ItemKind kind() {
        return ItemKind.RECOMMENDATION;
    }

    @Override
    protected RecommendationForm newForm() {
        RecommendationForm form = new RecommendationForm();
        form.getSharing().setMarking(Marking.AMBER);
        form.getSharing().setScope(Scope.NAMED_AGENCIES);
        return form;
    }

    @Override
    protected RecommendationForm formOf(ItemVersion version) {
        return RecommendationForm.of((RecommendationVersion) version);
    }

    /** The meeting outcomes the author may link: those they can read (the newest 50). */
    public List<ItemVersion> getMeetings() {
        return sharedItems.list(caller(), ItemQuery.of(Listing.ALL).ofKind(ItemKind.MEETING_OUTCOME), 0, 50);
    }
}
