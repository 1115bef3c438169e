package org.interlink.item.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.interlink.caller.entity.Username;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of an item's history: who did what to which version, when, from which agency, with
 * which comment, and — when content or sharing changed — the snapshot after the change.
 */
@Entity
@Table(name = "item_event")
public class ItemEvent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "item_event_seq", sequenceName = "item_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_event_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    private Item item;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNumber;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false, length = 100)
    private String actor;

    @Column(name = "actor_agency", updatable = false, length = 32)
    private String actorAgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private ItemAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false, length = 20)
    private WorkflowState toState;

    @Column(updatable = false, length = 2000)
    private String comment;

    /** JSON of the version after the change, when content or sharing changed. */
    @Column(updatable = false, length = 100_000)
    private String snapshot;

    protected ItemEvent() {
    }

    ItemEvent(Item item, ItemVersion version, Instant at, Username actor, String actorAgency, ItemAction action,
              String comment, String snapshot) {
        this.item = item;
        this.versionNumber = version.getNumber();
        this.at = at;
        this.actor = actor.value();
        this.actorAgency = actorAgency;
        this.action = action;
        this.toState = version.getState();
        this.comment = comment;
        this.snapshot = snapshot;
    }

    public Long getId() {
        return id;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public Instant getAt() {
        return at;
    }

    public Username getActor() {
        return new Username(actor);
    }

    public String getActorAgency() {
        return actorAgency;
    }

    public ItemAction getAction() {
        return action;
    }

    public WorkflowState getToState() {
        return toState;
    }

    public Optional<String> getComment() {
        return Optional.ofNullable(comment);
    }

    public Optional<String> getSnapshot() {
        return Optional.ofNullable(snapshot);
    }
}
