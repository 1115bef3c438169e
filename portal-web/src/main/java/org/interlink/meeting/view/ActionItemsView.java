package org.interlink.meeting.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.item.view.ItemView;
import org.interlink.meeting.boundary.Meetings;
import org.interlink.meeting.entity.ActionItem;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingVersion;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The action items of a meeting outcome's {@code item.xhtml}: the shared version's items with their
 * owners' updates, and the form in which an owner agency updates its own. It reads the item from the
 * page's {@link ItemView} and takes its steps through it.
 */
@Named
@ViewScoped
public class ActionItemsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ItemView item;

    @Inject
    Meetings meetings;

    @Inject
    CurrentCaller currentCaller;

    private Integer actionNumber;
    private ActionStatus actionStatus;
    private String note;

    /** The shared version of a meeting, whose action items carry their owners' updates; else the one read. */
    public MeetingVersion getActions() {
        return item.sharedVersion().orElse(null) instanceof MeetingVersion meeting ? meeting : item.meeting();
    }

    /** An official or liaison of an action item's owner agency sets its status with a note. */
    public String updateAction() {
        if (actionNumber == null) {
            Messages.addGlobalError("error.actionItemMissing");
            return null;
        }
        return item.take(id -> meetings.updateActionItem(currentCaller.get(), id, actionNumber, actionStatus, note),
                "notice.actionItemUpdated", actionNumber);
    }

    /** The numbers (from 1) of the shared meeting's action items the caller updates. */
    public List<Integer> getMyActionNumbers() {
        MeetingVersion meeting = getActions();
        if (!meeting.getState().isShared()) {
            return List.of();
        }
        return IntStream.rangeClosed(1, meeting.getActionItems().size())
                .filter(n -> meeting.isActionUpdatedBy(currentCaller.get(), n)).boxed().toList();
    }

    public boolean isOverdue(ActionItem action) {
        return action.isOverdue(LocalDate.now(ZoneOffset.UTC));
    }

    public ActionStatus[] getActionStatuses() {
        return ActionStatus.values();
    }

    public Integer getActionNumber() {
        return actionNumber;
    }

    public void setActionNumber(Integer actionNumber) {
        this.actionNumber = actionNumber;
    }

    public ActionStatus getActionStatus() {
        return actionStatus;
    }

    public void setActionStatus(ActionStatus actionStatus) {
        this.actionStatus = actionStatus;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
