package org.interlink.sharing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

import java.io.Serializable;

/** A row of {@code item_version_user} as the visibility gate reads it (see {@link AgencyGrant}). */
@Entity
@ReadOnly
@Table(name = "item_version_user")
@IdClass(UserGrant.Key.class)
public class UserGrant implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "version_id")
    private Long versionId;

    @Id
    @Column(name = "username")
    private String username;

    /** The person the grant names (by id at the identity provider; the gate matches this, never the username). */
    @Column(name = "person_id")
    private String personId;

    protected UserGrant() {
    }

    /** The composite key. */
    public record Key(Long versionId, String username) implements Serializable {
    }
}
