package org.interlink.meeting.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.interlink.audit.entity.AuditAction;
import org.interlink.caller.entity.Caller;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemAction;
import org.interlink.item.entity.ItemId;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.boundary.SharingResolver;

import java.time.Clock;
import java.time.Instant;

/** Drafting and editing meeting outcomes, and the status updates of their action items. */
@Stateless
public class Meetings {

    @Inject
    Items items;

    @Inject
    SharedItems sharedItems;

    @Inject
    SharingResolver sharing;

    @Inject
    Clock clock;

    /**
     * An official or liaison of the action item's owner agency sets its status with a note, on the
     * published meeting; audited with the change and written into the history its readers see.
     *
     * @param number the action item's number on the meeting page, from 1
     */
    public MeetingVersion updateActionItem(@NotNull Caller caller, @NotNull ItemId id, int number, ActionStatus status, String note) {
        Instant now = Instant.now(clock);
        Item item = items.followThrough(caller, id, AuditAction.UPDATE, meeting -> new Items.Change(AuditAction.UPDATE,
                meeting.followThrough(caller, MeetingVersion.class, ItemAction.ACTION_UPDATED, now,
                        version -> version.updateAction(caller, number, status, note, now))));
        return (MeetingVersion) item.published().orElseThrow();
    }

}
