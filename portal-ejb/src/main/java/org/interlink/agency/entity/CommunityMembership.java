package org.interlink.agency.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

import java.io.Serializable;

/**
 * A row of {@code community_member} as the visibility gate reads it: agency A is in community C.
 * Written through {@link Community}'s members.
 */
@Entity
@ReadOnly
@Table(name = "community_member")
@IdClass(CommunityMembership.Key.class)
public class CommunityMembership implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "community_id")
    private Long communityId;

    @Id
    @Column(name = "agency_id")
    private Long agencyId;

    protected CommunityMembership() {
    }

    /** The composite key. */
    public record Key(Long communityId, Long agencyId) implements Serializable {
    }
}
