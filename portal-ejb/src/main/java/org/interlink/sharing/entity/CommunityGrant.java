package org.interlink.sharing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

import java.io.Serializable;

/** A row of {@code item_version_community} as the visibility gate reads it (see {@link AgencyGrant}). */
@Entity
@ReadOnly
@Table(name = "item_version_community")
@IdClass(CommunityGrant.Key.class)
public class CommunityGrant implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "version_id")
    private Long versionId;

    @Id
    @Column(name = "community_id")
    private Long communityId;

    protected CommunityGrant() {
    }

    /** The composite key. */
    public record Key(Long versionId, Long communityId) implements Serializable {
    }
}
