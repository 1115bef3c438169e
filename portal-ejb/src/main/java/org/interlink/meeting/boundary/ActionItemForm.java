package org.interlink.meeting.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.interlink.meeting.entity.ActionStatus;

import java.io.Serializable;
import java.time.LocalDate;

/** One action item in the meeting form. */
public class ActionItemForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotBlank(message = "Describe the action item.")
    @Size(max = 1000, message = "An action item has at most 1000 characters.")
    private String description;

    @NotBlank(message = "Choose the agency that owns the action item.")
    private String owner;

    @NotNull(message = "Give the action item a due date.")
    private LocalDate dueOn;

    @NotNull(message = "Give the action item a status.")
    private ActionStatus status = ActionStatus.OPEN;

    public ActionItemForm() {
    }

    public ActionItemForm(String description, String owner, LocalDate dueOn, ActionStatus status) {
        this.description = description;
        this.owner = owner;
        this.dueOn = dueOn;
        this.status = status;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public void setStatus(ActionStatus status) {
        this.status = status;
    }
}
