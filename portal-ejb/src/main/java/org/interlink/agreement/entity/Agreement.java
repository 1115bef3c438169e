package org.interlink.agreement.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.Community;
import org.interlink.caller.entity.Username;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A data-sharing agreement between two or more agencies: the legal basis on which each party reads the others' items
 * of the kinds and record types it covers, up to its highest marking, from its first to its last day (TLP:CLEAR needs
 * none). An administrator of one party drafts it, which signs it for that party; it becomes active when an
 * administrator of every other party has countersigned. Any party may suspend it (and only that party resumes it) or
 * terminate it for good. While it is active the gate reads its {@link #covers() covers}.
 */
@Entity
@Table(name = "agreement")
@NamedQuery(name = Agreement.OF_AGENCY, query = "select a from Agreement a where exists (select p from AgreementParty p"
        + " where p.agreement = a and p.agency = :agency) order by a.validUntil, a.id")
@NamedQuery(name = Agreement.ALL, query = "select a from Agreement a order by a.validUntil, a.id")
@NamedQuery(name = Agreement.BY_REFERENCE, query = "select a from Agreement a where a.draftingAgency = :drafting"
        + " and a.reference = :reference")
@NamedQuery(name = Agreement.ENDING, query = "select a from Agreement a where a.status = :active and a.validFrom <= :today"
        + " and a.validUntil between :today and :last order by a.validUntil, a.id")
public class Agreement implements Serializable {

    public static final String OF_AGENCY = "Agreement.ofAgency";
    public static final String ALL = "Agreement.all";
    /** The drafting agency's agreement with a reference: references are unique per drafting agency (V24). */
    public static final String BY_REFERENCE = "Agreement.byReference";
    /** Active agreements whose last day is between {@code today} and {@code last}. */
    public static final String ENDING = "Agreement.ending";

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "agreement_seq", sequenceName = "agreement_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_seq")
    private Long id;

    @Column(nullable = false, updatable = false, length = 40)
    private String reference;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AgreementStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "highest_marking", nullable = false, length = 20)
    private Marking highestMarking;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @ManyToOne(optional = false)
    @JoinColumn(name = "drafting_agency_id", nullable = false, updatable = false)
    private Agency draftingAgency;

    @Column(name = "drafted_by", nullable = false, updatable = false, length = 100)
    private String draftedBy;

    @Column(name = "drafted_at", nullable = false, updatable = false)
    private Instant draftedAt;

    /** The community whose members were the parties when it was drafted (null: agencies named one by one). */
    @ManyToOne
    @JoinColumn(name = "community_id", updatable = false)
    private Community community;

    @ManyToOne
    @JoinColumn(name = "suspended_by_agency_id")
    private Agency suspendedBy;

    @Column(name = "document_name", length = 200)
    private String documentName;

    @Column(name = "document_type", length = 100)
    private String documentType;

    @Column(name = "document_sha256", length = 64)
    private String documentSha256;

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<AgreementParty> parties = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_purpose", joinColumns = @JoinColumn(name = "agreement_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", length = 40)
    private Set<PurposeOfUse> purposes = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "agreement_coverage", joinColumns = @JoinColumn(name = "agreement_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "coverage", length = 40)
    private Set<Coverage> coverage = new LinkedHashSet<>();

    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected Agreement() {
    }

    /**
     * A draft between {@code parties} (the drafting agency among them), signed for the drafting agency by its drafter.
     *
     * @param community the community whose members the parties are, or null
     */
    public static Agreement draft(AgreementTerms terms, Agency drafting, Username drafter, Collection<Agency> parties,
            Community community, Instant now) {
        terms.validate();
        Set<Agency> distinct = new LinkedHashSet<>(parties);
        if (!distinct.contains(drafting)) {
            throw new InvalidAgreement("Your agency must be one of the parties of an agreement it drafts.");
        }
        if (distinct.size() < 2) {
            throw new InvalidAgreement("An agreement needs at least two parties.");
        }
        Agreement agreement = new Agreement();
        agreement.reference = terms.reference().trim();
        agreement.title = terms.title().trim();
        agreement.status = AgreementStatus.DRAFT;
        agreement.highestMarking = terms.highestMarking();
        agreement.validFrom = terms.validFrom();
        agreement.validUntil = terms.validUntil();
        agreement.purposes = EnumSet.copyOf(terms.purposes());
        agreement.coverage = EnumSet.copyOf(terms.coverage());
        agreement.draftingAgency = drafting;
        agreement.draftedBy = drafter.value();
        agreement.draftedAt = now;
        agreement.community = community;
        for (Agency party : distinct) {
            AgreementParty added = new AgreementParty(agreement, party);
            if (party.equals(drafting)) {
                added.sign(drafter, now);
            }
            agreement.parties.add(added);
        }
        return agreement;
    }

    /** The status on {@code today}: an active agreement past its last day is expired. */
    public AgreementStatus status(LocalDate today) {
        return status == AgreementStatus.ACTIVE && today.isAfter(validUntil) ? AgreementStatus.EXPIRED : status;
    }

    public boolean isParty(Agency agency) {
        return party(agency).isPresent();
    }

    private Optional<AgreementParty> party(Agency agency) {
        return parties.stream().filter(p -> p.getAgency().equals(agency)).findFirst();
    }

    /**
     * An administrator of {@code agency} countersigns the draft for it, and with it the signed document they read
     * ({@code documentSeen}: its SHA-256; null when the draft has none): a document replaced meanwhile is not signed.
     *
     * @return whether every party has now signed, so the agreement became active
     */
    public boolean countersign(Agency agency, Username by, String documentSeen, Instant now, LocalDate today) {
        AgreementParty party = party(agency).orElseThrow(() -> new AgreementRefused("Your agency is not a party to this agreement."));
        if (status != AgreementStatus.DRAFT) {
            throw new AgreementRefused("Only a draft is countersigned; this agreement is " + status(today).name().toLowerCase() + ".");
        }
        if (party.isSigned()) {
            throw new AgreementRefused("Your agency signed this agreement already; it waits for the other parties.");
        }
        if (today.isAfter(validUntil)) {
            throw new AgreementRefused("This agreement's last day has passed; draft a new one.");
        }
        if (documentSha256 != null && !documentSha256.equals(documentSeen)) {
            throw new AgreementRefused("Countersign the signed document you read: name its checksum (the agreement's documentSha256);"
                    + " if it changed since you read it, read it again.");
        }
        if (parties.stream().anyMatch(p -> by.value().equals(p.getSignedBy()))) {
            // someone who acts for two parties signs for one of them only: four eyes across agencies
            throw new AgreementRefused("You signed this agreement for another party already; an administrator of your other agency"
                    + " countersigns it.");
        }
        party.sign(by, now);
        if (parties.stream().allMatch(AgreementParty::isSigned)) {
            status = AgreementStatus.ACTIVE;
            return true;
        }
        return false;
    }

    /** A party suspends the active agreement: it covers nothing until that party resumes it. */
    public void suspend(Agency by, LocalDate today) {
        requireParty(by);
        if (status(today) != AgreementStatus.ACTIVE) {
            throw new AgreementRefused("Only an active agreement is suspended; this one is " + status(today).name().toLowerCase() + ".");
        }
        status = AgreementStatus.SUSPENDED;
        suspendedBy = by;
    }

    /** The party that suspended the agreement resumes it. */
    public void resume(Agency by) {
        requireParty(by);
        if (status != AgreementStatus.SUSPENDED) {
            throw new AgreementRefused("Only a suspended agreement is resumed.");
        }
        if (!by.equals(suspendedBy)) {
            throw new AgreementRefused("Only " + suspendedBy.getName() + ", which suspended this agreement, resumes it.");
        }
        status = AgreementStatus.ACTIVE;
        suspendedBy = null;
    }

    /** A party ends the agreement for good (a draft too: it is then never signed). */
    public void terminate(Agency by) {
        requireParty(by);
        if (status == AgreementStatus.TERMINATED) {
            throw new AgreementRefused("This agreement is terminated already.");
        }
        status = AgreementStatus.TERMINATED;
        suspendedBy = null;
    }

    private void requireParty(Agency agency) {
        if (!isParty(agency)) {
            throw new AgreementRefused("Your agency is not a party to this agreement.");
        }
    }

    /** What the gate reads while the agreement is active: both ways between every two parties, each coverage and marking it allows. */
    public List<AgreementCover> covers() {
        List<AgreementCover> covers = new ArrayList<>();
        for (AgreementParty reader : parties) {
            for (AgreementParty owner : parties) {
                if (reader == owner) {
                    continue;
                }
                for (Coverage covered : coverage) {
                    for (Marking marking : markings()) {
                        covers.add(
                                new AgreementCover(reader.getAgency().getId(), owner.getAgency().getId(), covered, marking, id, validFrom,
                                        validUntil));
                    }
                }
            }
        }
        return covers;
    }

    /** The markings it allows: from TLP:GREEN to its highest (TLP:CLEAR needs no agreement). */
    public Set<Marking> markings() {
        return EnumSet.range(Marking.GREEN, highestMarking);
    }

    /**
     * The signed document attached to the draft (its bytes are stored once per checksum, as items' files): only before
     * another party has countersigned, so that every countersignature is given to the document it sees.
     */
    public void document(Agency by, String name, String type, String sha256) {
        checkDocumentOpen(by);
        this.documentName = Objects.requireNonNull(name);
        this.documentType = Objects.requireNonNull(type);
        this.documentSha256 = Objects.requireNonNull(sha256);
    }

    /**
     * @throws AgreementRefused unless {@code by} may still attach the document: the drafting agency, to a draft no other
     *                          party countersigned yet (nobody else changes what the drafter signed)
     */
    public void checkDocumentOpen(Agency by) {
        if (!draftingAgency.equals(by)) {
            throw new AgreementRefused("Only " + draftingAgency.getName() + ", which drafted the agreement, attaches its signed document.");
        }
        if (status != AgreementStatus.DRAFT || parties.stream().anyMatch(p -> p.isSigned() && !p.getAgency().equals(draftingAgency))) {
            throw new AgreementRefused("The signed document is attached to a draft before the other parties countersign it.");
        }
    }

    /** One line for the audit trail and the notifications, e.g. "agreement DSA-1 (MoI–IOM) iq-moi, iom-iq". */
    public String describe() {
        return "agreement " + id + " " + reference + " (" + parties.stream().map(p -> p.getAgency().getCode().value())
                .collect(Collectors.joining(", ")) + ")";
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    /**
     * The reference with the agency that drafted it, e.g. {@code DSA-MOI-IOM-2026 of iq-moi}: references are unique per
     * drafting agency (V24), so this names one agreement wherever a read or a notice is recorded.
     */
    public String qualifiedReference() {
        return reference + " of " + draftingAgency.getCode().value();
    }

    public String getTitle() {
        return title;
    }

    public Marking getHighestMarking() {
        return highestMarking;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public Agency getDraftingAgency() {
        return draftingAgency;
    }

    public String getDraftedBy() {
        return draftedBy;
    }

    public Community getCommunity() {
        return community;
    }

    public Agency getSuspendedBy() {
        return suspendedBy;
    }

    public List<AgreementParty> getParties() {
        return List.copyOf(parties);
    }

    public Set<PurposeOfUse> getPurposes() {
        return purposes.isEmpty() ? EnumSet.noneOf(PurposeOfUse.class) : EnumSet.copyOf(purposes);
    }

    public Set<Coverage> getCoverage() {
        return coverage.isEmpty() ? EnumSet.noneOf(Coverage.class) : EnumSet.copyOf(coverage);
    }

    public String getDocumentName() {
        return documentName;
    }

    public String getDocumentType() {
        return documentType;
    }

    public String getDocumentSha256() {
        return documentSha256;
    }
}
