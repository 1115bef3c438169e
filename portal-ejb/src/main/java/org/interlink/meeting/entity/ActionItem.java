package org.interlink.meeting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.interlink.agency.entity.Agency;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** Something a meeting agreed that an agency does by a date. */
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

    protected ActionItem() {
    }

    public ActionItem(String description, Agency owner, LocalDate dueOn, ActionStatus status) {
        this.description = description;
        this.owner = owner;
        this.dueOn = dueOn;
        this.status = status;
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
