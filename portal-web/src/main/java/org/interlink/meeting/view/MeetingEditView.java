package org.interlink.meeting.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Listing;
import org.interlink.item.view.ItemEditView;
import org.interlink.meeting.boundary.ActionItemForm;
import org.interlink.meeting.boundary.MeetingForm;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.sharing.entity.Marking;

import java.util.ArrayList;
import java.util.List;

/** {@code meeting-edit.xhtml}: drafting or editing a meeting outcome with its action items. */
@Named
@ViewScoped
public class MeetingEditView extends ItemEditView<MeetingForm> {

    private static final long serialVersionUID = 1L;

    @Override
    protected ItemKind kind() {
        return ItemKind.MEETING_OUTCOME;
    }

    @Override
    protected MeetingForm newForm() {
        MeetingForm form = new MeetingForm();
        form.getSharing().setMarking(Marking.GREEN);
        caller().activeAgency().ifPresent(own -> form.setParticipants(List.of(own.getCode().value())));
        return form;
    }

    @Override
    protected MeetingForm formOf(ItemVersion version) {
        return MeetingForm.of((MeetingVersion) version);
    }

    public void addActionItem() {
        List<ActionItemForm> actions = new ArrayList<>(getForm().getActionItems());
        actions.add(new ActionItemForm());
        getForm().setActionItems(actions);
    }

    public void removeActionItem(int index) {
        List<ActionItemForm> actions = new ArrayList<>(getForm().getActionItems());
        actions.remove(index);
        getForm().setActionItems(actions);
    }

    public List<ActionStatus> getStatuses() {
        return List.of(ActionStatus.values());
    }

    /** The recommendations the author may link: those they can read (the newest 100). */
    public List<ItemVersion> getRecommendations() {
        return sharedItems.list(caller(), ItemQuery.of(Listing.ALL).ofKind(ItemKind.RECOMMENDATION), 0, 100);
    }
}
