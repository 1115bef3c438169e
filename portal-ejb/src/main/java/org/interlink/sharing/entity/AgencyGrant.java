package org.interlink.sharing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

import java.io.Serializable;

/**
 * A row of {@code item_version_agency} as the visibility gate reads it: version V is shared with
 * agency A. Written through {@code ItemVersion}'s grants; here only so the gate's test for a grant
 * is one indexed lookup instead of joins through the version and the agency.
 */
@Entity
@ReadOnly
@Table(name = "item_version_agency")
@IdClass(AgencyGrant.Key.class)
public class AgencyGrant implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "version_id")
    private Long versionId;

    @Id
    @Column(name = "agency_id")
    private Long agencyId;

    protected AgencyGrant() {
    }

    /** The composite key. */
    public record Key(Long versionId, Long agencyId) implements Serializable {
    }
}
