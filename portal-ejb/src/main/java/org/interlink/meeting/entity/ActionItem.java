package org.interlink.meeting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.interlink.agency.entity.Agency;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a meeting agreed that an agency does by a date. The owner agency updates its status
 * with a note ({@link MeetingVersion#updateAction}); one still pending after its due date is overdue.
 */
@Embeddable
public class ActionItem implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(nullable = false, length = 1000)
    private String description;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_agency_id", nullable = false)
    private Agency owner;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ActionStatus status;

    /** The note of the owner agency's last status update. */
    @Column(name = "status_note", length = 2000)
    private String note;

    @Column(name = "status_by", length = 100)
    private String updatedBy;

    @Column(name = "status_at")
    private Instant updatedAt;

    /** Its owner agency was told that it is overdue. */
    @Column(name = "overdue_notified", nullable = false)
    private boolean overdueNotified;

    protected ActionItem() {
    }

    public ActionItem(String description, Agency owner, LocalDate dueOn, ActionStatus status) {
        this.description = description;
        this.owner = owner;
        this.dueOn = dueOn;
        this.status = status;
    }

    /** This action item with the status its owner agency set now, saying why in {@code note}. */
    ActionItem updated(ActionStatus status, String note, String by, Instant now) {
        return copy(status, note, by, now, overdueNotified);
    }

    /** This action item, its owner agency told that it is overdue. */
    ActionItem overdueNotified() {
        return copy(status, note, updatedBy, updatedAt, true);
    }

    public boolean isOverdueNotified() {
        return overdueNotified;
    }

    /** The same action item (description and owner agency) in another version of the meeting. */
    boolean isSameAs(ActionItem other) {
        return description.equals(other.description) && owner.equals(other.owner);
    }

    /** This action item with the status the owner agency gave {@code other}, if it gave one. */
    ActionItem withStatusOf(ActionItem other) {
        return other.updatedAt == null ? this : copy(other.status, other.note, other.updatedBy, other.updatedAt, other.overdueNotified);
    }

    private ActionItem copy(ActionStatus status, String note, String by, Instant at, boolean notified) {
        ActionItem copy = new ActionItem(description, owner, dueOn, status);
        copy.note = note;
        copy.updatedBy = by;
        copy.updatedAt = at;
        copy.overdueNotified = notified;
        return copy;
    }

    /** Still pending after its due date. */
    public boolean isOverdue(LocalDate today) {
        return status.isPending() && dueOn.isBefore(today);
    }

    public String getDescription() {
        return description;
    }

    public Agency getOwner() {
        return owner;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public Optional<String> getNote() {
        return Optional.ofNullable(note);
    }

    public Optional<String> getUpdatedBy() {
        return Optional.ofNullable(updatedBy);
    }

    public Optional<Instant> getUpdatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActionItem item && Objects.equals(item.description, description)
                && Objects.equals(item.owner, owner) && Objects.equals(item.dueOn, dueOn) && item.status == status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(description, owner, dueOn, status);
    }
}
