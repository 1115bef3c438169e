package org.interlink.sharing.boundary;

import jakarta.validation.constraints.NotNull;
import org.interlink.sharing.entity.HandlingCode;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How an item is to be shared, as a page or the API sends it: marking, scope, and the codes of the
 * agencies and communities or the usernames it names. {@code SharingResolver} turns it into a
 * {@code Sharing} (whose rules then apply).
 */
public class SharingForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "Choose a TLP marking.")
    private Marking marking = Marking.AMBER;

    @NotNull(message = "Choose who the item is shared with.")
    private Scope scope = Scope.OWN_AGENCY;

    private List<String> agencies = new ArrayList<>();
    private List<String> communities = new ArrayList<>();

    /** What readers may do with the item (none chosen: H2 for TLP:AMBER and above, H0 below). */
    private HandlingCode handling;

    /** The restrictions of H3, in words. */
    private String handlingNote;

    /** The last day of a share with named agencies or people (none: no end). */
    private LocalDate until;

    /** Usernames, separated by commas or spaces (TLP:RED only). */
    private String people = "";

    public Marking getMarking() {
        return marking;
    }

    public void setMarking(Marking marking) {
        this.marking = marking;
    }

    public Scope getScope() {
        return scope;
    }

    public void setScope(Scope scope) {
        this.scope = scope;
    }

    public List<String> getAgencies() {
        return agencies;
    }

    public void setAgencies(List<String> agencies) {
        this.agencies = agencies == null ? new ArrayList<>() : new ArrayList<>(agencies);
    }

    public List<String> getCommunities() {
        return communities;
    }

    public void setCommunities(List<String> communities) {
        this.communities = communities == null ? new ArrayList<>() : new ArrayList<>(communities);
    }

    public String getPeople() {
        return people;
    }

    public void setPeople(String people) {
        this.people = people == null ? "" : people;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public HandlingCode getHandling() {
        return handling;
    }

    public void setHandling(HandlingCode handling) {
        this.handling = handling;
    }

    public String getHandlingNote() {
        return handlingNote;
    }

    public void setHandlingNote(String handlingNote) {
        this.handlingNote = handlingNote;
    }
}
