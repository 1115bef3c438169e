package org.interlink.item.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.interlink.sharing.boundary.SharingForm;

import java.io.Serializable;

/** What every item form holds: title, summary and sharing. The forms of each kind add their fields. */
public abstract class ItemForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "Give the item a title.")
    @Size(max = 300, message = "A title has at most 300 characters.")
    private String title;

    @NotBlank(message = "Give the item a summary.")
    @Size(max = 4000, message = "A summary has at most 4000 characters.")
    private String summary;

    @Valid
    private SharingForm sharing = new SharingForm();

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public SharingForm getSharing() {
        return sharing;
    }

    public void setSharing(SharingForm sharing) {
        this.sharing = sharing;
    }

    /** Fills the common fields from a version (to edit it). */
    protected void fillFrom(org.interlink.item.entity.ItemVersion version) {
        this.title = version.getTitle();
        this.summary = version.getSummary();
        SharingForm form = new SharingForm();
        form.setMarking(version.getMarking());
        form.setScope(version.getScope());
        form.setAgencies(version.getAgencyGrants().stream().map(a -> a.getCode().value()).toList());
        form.setCommunities(version.getCommunityGrants().stream().map(c -> c.getCode().value()).toList());
        form.setPeople(String.join(", ", version.getUserGrants()));
        this.sharing = form;
    }
}
