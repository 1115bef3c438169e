package org.interlink.agreement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A row of {@code agreement_cover}: while agreement G is active, agency R reads agency O's items of coverage C marked M
 * from its first to its last day. Written (by SQL, as rows the agreement lists) when G becomes active, deleted when it is suspended or terminated; the
 * visibility gate's test for an agreement is one lookup of its primary key.
 */
@Entity
@ReadOnly
@Table(name = "agreement_cover")
@IdClass(AgreementCover.Key.class)
public class AgreementCover implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "reader_agency_id")
    private Long readerId;

    @Id
    @Column(name = "owner_agency_id")
    private Long ownerId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Coverage coverage;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Marking marking;

    @Id
    @Column(name = "agreement_id")
    private Long agreementId;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    protected AgreementCover() {
    }

    AgreementCover(Long readerId, Long ownerId, Coverage coverage, Marking marking, Long agreementId, LocalDate validFrom,
            LocalDate validUntil) {
        this.readerId = readerId;
        this.ownerId = ownerId;
        this.coverage = coverage;
        this.marking = marking;
        this.agreementId = agreementId;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    public Long getReaderId() {
        return readerId;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Coverage getCoverage() {
        return coverage;
    }

    public Marking getMarking() {
        return marking;
    }

    public Long getAgreementId() {
        return agreementId;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    /** The composite key. */
    public record Key(Long readerId, Long ownerId, Coverage coverage, Marking marking, Long agreementId) implements Serializable {
    }
}
