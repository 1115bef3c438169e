package org.interlink.meeting.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.interlink.agency.entity.Agency;
import org.interlink.audit.entity.AuditAction;
import org.interlink.caller.entity.Caller;
import org.interlink.item.boundary.Items;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemAction;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.meeting.entity.ActionItem;
import org.interlink.meeting.entity.ActionStatus;
import org.interlink.meeting.entity.MeetingContent;
import org.interlink.meeting.entity.MeetingVersion;
import org.interlink.sharing.boundary.SharingResolver;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    public Item draft(@NotNull Caller caller, @Valid @NotNull MeetingForm form) {
        return items.draft(caller, ItemKind.MEETING_OUTCOME, () -> content(caller, form), form.texts(), () -> sharing.resolve(form.getSharing()));
    }

    /**
     * @param expectedTag the tag of the version the form was filled from (pages and API send it), or
     *                    null to skip the check
     */
    public Item edit(@NotNull Caller caller, @NotNull ItemId id, @Valid @NotNull MeetingForm form, String expectedTag) {
        return items.edit(caller, id, () -> content(caller, form), form.texts(), () -> sharing.resolve(form.getSharing()), expectedTag);
    }

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

    /** Linked recommendations must be ones the author can read. */
    private MeetingContent content(Caller caller, MeetingForm form) {
        Set<Agency> participants = sharing.agencies(form.getParticipants());
        List<ActionItem> actions = form.getActionItems().stream().map(a -> new ActionItem(a.getDescription(),
                sharing.agencies(List.of(a.getOwner())).iterator().next(), a.getDueOn(), a.getStatus())).toList();
        Set<Item> recommendations = form.getRecommendations().stream()
                .map(id -> sharedItems.toLink(caller, new ItemId(id), ItemKind.MEETING_OUTCOME).orElseThrow(() -> new ItemNotFound(new ItemId(id))).getItem())
                .collect(Collectors.toSet());
        return new MeetingContent(form.getTitle(), form.getSummary(), form.getStartsOn(), form.getEndsOn(),
                form.getPlace(), participants, form.decisionList(), actions, recommendations);
    }
}
