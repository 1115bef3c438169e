package org.interlink.recommendation.boundary;

import jakarta.validation.constraints.NotBlank;
import org.interlink.item.boundary.ItemForm;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemKind;
import org.interlink.recommendation.entity.RecommendationContent;
import org.interlink.recommendation.entity.RecommendationVersion;

/** The recommendation form: addressee agency (by code) and, optionally, the meeting outcome it came from. */
public class RecommendationForm extends ItemForm {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "Choose the agency the recommendation is addressed to.")
    private String addressee;

    private Long meeting;

    public static RecommendationForm of(RecommendationVersion version) {
        RecommendationForm form = new RecommendationForm();
        form.fillFrom(version);
        form.addressee = version.getAddressee().getCode().value();
        form.meeting = version.getMeeting().map(m -> m.getId()).orElse(null);
        return form;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.RECOMMENDATION;
    }

    /** The meeting must be one the author can read; the addressee one of the member agencies. */
    @Override
    public RecommendationContent content(Names names) {
        Item linked = meeting == null ? null : names.linked(meeting);
        return new RecommendationContent(getTitle(), getSummary(), names.agency(addressee), linked);
    }

    public String getAddressee() {
        return addressee;
    }

    public void setAddressee(String addressee) {
        this.addressee = addressee;
    }

    public Long getMeeting() {
        return meeting;
    }

    public void setMeeting(Long meeting) {
        this.meeting = meeting;
    }
}
