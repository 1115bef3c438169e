package org.interlink.meeting.entity;

import org.interlink.agency.entity.Agency;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemVersion;
import org.interlink.sharing.entity.Sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The content of a meeting outcome: title, dates, place, participating agencies, decisions,
 * action items and the recommendations that came from it.
 */
public record MeetingContent(String title, String summary, LocalDate startsOn, LocalDate endsOn, String place,
        Set<Agency> participants, List<String> decisions, List<ActionItem> actionItems,
        Set<Item> recommendations) implements ItemContent {

    public MeetingContent {
        participants = Set.copyOf(participants);
        decisions = List.copyOf(decisions);
        actionItems = List.copyOf(actionItems);
        recommendations = Set.copyOf(recommendations);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.MEETING_OUTCOME;
    }

    @Override
    public ItemVersion createVersion() {
        return new MeetingVersion();
    }

    @Override
    public void check(Agency owner, Sharing sharing) {
        if (startsOn == null || endsOn == null) {
            throw new InvalidContent("Give the dates of the meeting.");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new InvalidContent("A meeting cannot end before it starts.");
        }
        if (place == null || place.isBlank()) {
            throw new InvalidContent("Give the place of the meeting.");
        }
        if (participants.isEmpty()) {
            throw new InvalidContent("Name at least one participating agency.");
        }
        if (decisions.stream().anyMatch(d -> d == null || d.isBlank())) {
            throw new InvalidContent("A decision cannot be empty.");
        }
        for (ActionItem action : actionItems) {
            if (action.getDescription() == null || action.getDescription().isBlank() || action.getOwner() == null
                    || action.getDueOn() == null || action.getStatus() == null) {
                throw new InvalidContent("Every action item needs a description, an owner agency, a due date and a status.");
            }
        }
        if (recommendations.stream().anyMatch(r -> r.getKind() != ItemKind.RECOMMENDATION)) {
            throw new InvalidContent("Only recommendations can be linked to a meeting outcome.");
        }
    }
}
