package org.interlink.agreement.boundary;

import org.interlink.agreement.entity.AgreementTerms;
import org.interlink.agreement.entity.PurposeOfUse;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A draft agreement as a page or the API sends it: its terms, and its parties — agencies by code (the drafting agency
 * is one of them whether named or not), or one community by code, whose members are the parties.
 */
public class AgreementForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String reference;
    private String title;
    private List<PurposeOfUse> purposes = new ArrayList<>();
    private List<Coverage> coverage = new ArrayList<>();
    private Marking highestMarking;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private List<String> agencies = new ArrayList<>();
    private String community;

    public AgreementTerms terms() {
        return new AgreementTerms(reference, title, set(purposes, PurposeOfUse.class), set(coverage, Coverage.class), highestMarking,
                validFrom, validUntil);
    }

    private static <E extends Enum<E>> Set<E> set(List<E> values, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(set::add);
        }
        return set;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public List<PurposeOfUse> getPurposes() {
        return purposes;
    }

    public void setPurposes(List<PurposeOfUse> purposes) {
        this.purposes = purposes;
    }

    public List<Coverage> getCoverage() {
        return coverage;
    }

    public void setCoverage(List<Coverage> coverage) {
        this.coverage = coverage;
    }

    public Marking getHighestMarking() {
        return highestMarking;
    }

    public void setHighestMarking(Marking highestMarking) {
        this.highestMarking = highestMarking;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    public List<String> getAgencies() {
        return agencies;
    }

    public void setAgencies(List<String> agencies) {
        this.agencies = agencies;
    }

    public String getCommunity() {
        return community;
    }

    public void setCommunity(String community) {
        this.community = community;
    }
}
