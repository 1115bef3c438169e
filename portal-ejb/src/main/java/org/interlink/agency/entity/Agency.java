package org.interlink.agency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member agency (tenant) of Interlink. */
@Entity
@Table(name = "agency")
@NamedQuery(name = Agency.ALL, query = "select a from Agency a order by a.name")
@NamedQuery(name = Agency.BY_CODES, query = "select a from Agency a where a.code in :codes order by a.name")
@NamedQuery(name = Agency.BY_CODE, query = "select a from Agency a where a.code = :code")
public class Agency implements Serializable {

    public static final String ALL = "Agency.all";
    public static final String BY_CODES = "Agency.byCodes";
    public static final String BY_CODE = "Agency.byCode";
    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "agency_seq", sequenceName = "agency_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_seq")
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 32)
    private AgencyCode code;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AgencyKind kind;

    /** ISO 3166-1 alpha-2 country, or none for an international body. */
    @Column(length = 2)
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AgencyStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Agency() {
    }

    public Agency(AgencyCode code, String name, AgencyKind kind, String country, Instant createdAt) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
        this.country = country;
        this.status = AgencyStatus.ACTIVE;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** Its people no longer act for it and its items are no longer shared with others; its data stays. */
    public void suspend() {
        status = AgencyStatus.SUSPENDED;
    }

    /** Its people act for it again, and what it shared is shared again. */
    public void reactivate() {
        status = AgencyStatus.ACTIVE;
    }

    public boolean isActive() {
        return status == AgencyStatus.ACTIVE;
    }

    public Long getId() {
        return id;
    }

    public AgencyCode getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public AgencyKind getKind() {
        return kind;
    }

    public String getCountry() {
        return country;
    }

    public AgencyStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Agency agency && agency.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
