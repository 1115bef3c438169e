package org.interlink.agreement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.interlink.agency.entity.Agency;
import org.interlink.caller.entity.Username;

import java.io.Serializable;
import java.time.Instant;

/** A party to an agreement, with who signed for it and when (none yet: it has not countersigned). */
@Entity
@Table(name = "agreement_party")
public class AgreementParty implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "agreement_party_seq", sequenceName = "agreement_party_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_party_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_id", nullable = false, updatable = false)
    private Agreement agreement;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agency_id", nullable = false, updatable = false)
    private Agency agency;

    @Column(name = "signed_by", length = 100)
    private String signedBy;

    @Column(name = "signed_at")
    private Instant signedAt;

    protected AgreementParty() {
    }

    AgreementParty(Agreement agreement, Agency agency) {
        this.agreement = agreement;
        this.agency = agency;
    }

    void sign(Username by, Instant now) {
        this.signedBy = by.value();
        this.signedAt = now;
    }

    public boolean isSigned() {
        return signedAt != null;
    }

    public Agency getAgency() {
        return agency;
    }

    public String getSignedBy() {
        return signedBy;
    }

    public Instant getSignedAt() {
        return signedAt;
    }
}
