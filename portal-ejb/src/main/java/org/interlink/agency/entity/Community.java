package org.interlink.agency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A named set of agencies that share with each other by default, e.g. the capacity-building
 * programme or a border data-sharing working group. Items can be shared with whole communities.
 */
@Entity
@Table(name = "community")
public class Community implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "community_seq", sequenceName = "community_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "community_seq")
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 32)
    private AgencyCode code;

    @Column(nullable = false, length = 200)
    private String name;

    @ManyToMany
    @JoinTable(name = "community_member", joinColumns = @JoinColumn(name = "community_id"), inverseJoinColumns = @JoinColumn(name = "agency_id"))
    private Set<Agency> members = new LinkedHashSet<>();

    @Version
    private long version;

    protected Community() {
    }

    public Community(AgencyCode code, String name, Collection<Agency> members) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.members.addAll(members);
    }

    /** @return false when the agency was a member already */
    public boolean add(Agency agency) {
        return members.add(Objects.requireNonNull(agency));
    }

    /** @return false when the agency was no member */
    public boolean remove(Agency agency) {
        return members.remove(agency);
    }

    public boolean includes(Agency agency) {
        return members.contains(agency);
    }

    public Long getId() {
        return id;
    }

    /** Communities are named with the same kind of short code as agencies. */
    public AgencyCode getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Set<Agency> getMembers() {
        return Set.copyOf(members);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Community community && community.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
