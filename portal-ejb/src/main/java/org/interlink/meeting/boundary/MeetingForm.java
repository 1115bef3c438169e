package org.interlink.meeting.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.interlink.agency.entity.Agency;
import org.interlink.item.boundary.ItemForm;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemKind;
import org.interlink.meeting.entity.ActionItem;
import org.interlink.meeting.entity.MeetingContent;
import org.interlink.meeting.entity.MeetingVersion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The meeting outcome form. Decisions are one per line; participants and owners are agency codes. */
public class MeetingForm extends ItemForm {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "Give the first day of the meeting.")
    private LocalDate startsOn;

    @NotNull(message = "Give the last day of the meeting.")
    private LocalDate endsOn;

    @NotBlank(message = "Give the place of the meeting.")
    @Size(max = 200, message = "A place has at most 200 characters.")
    private String place;

    private List<String> participants = new ArrayList<>();

    /** One decision per line. */
    private String decisions = "";

    @Valid
    private List<ActionItemForm> actionItems = new ArrayList<>();

    private List<Long> recommendations = new ArrayList<>();

    public static MeetingForm of(MeetingVersion version) {
        MeetingForm form = new MeetingForm();
        form.fillFrom(version);
        form.startsOn = version.getStartsOn();
        form.endsOn = version.getEndsOn();
        form.place = version.getPlace();
        form.participants = new ArrayList<>(version.getParticipants().stream().map(a -> a.getCode().value()).toList());
        form.decisions = String.join("\n", version.getDecisions());
        form.actionItems = new ArrayList<>(version.getActionItems().stream().map(a -> new ActionItemForm(a.getDescription(),
                a.getOwner().getCode().value(), a.getDueOn(), a.getStatus())).toList());
        form.recommendations = new ArrayList<>(version.getRecommendations().stream().map(i -> i.getId()).sorted().toList());
        return form;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.MEETING_OUTCOME;
    }

    /** The participants and action items' owners are member agencies; the recommendations ones the author reads. */
    @Override
    public MeetingContent content(Names names) {
        Set<Agency> participants = names.agencies(getParticipants());
        List<ActionItem> actions = getActionItems().stream().map(a -> new ActionItem(a.getDescription(), names.agency(a.getOwner()),
                a.getDueOn(), a.getStatus())).toList();
        Set<Item> linked = getRecommendations().stream().map(names::linked).collect(Collectors.toSet());
        return new MeetingContent(getTitle(), getSummary(), getStartsOn(), getEndsOn(), getPlace(), participants, decisionList(),
                actions, linked);
    }

    /** The decisions, one per non-empty line. */
    public List<String> decisionList() {
        return decisions.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public List<String> getParticipants() {
        return participants;
    }

    public void setParticipants(List<String> participants) {
        this.participants = participants == null ? new ArrayList<>() : new ArrayList<>(participants);
    }

    public String getDecisions() {
        return decisions;
    }

    public void setDecisions(String decisions) {
        this.decisions = decisions == null ? "" : decisions;
    }

    public List<ActionItemForm> getActionItems() {
        return actionItems;
    }

    public void setActionItems(List<ActionItemForm> actionItems) {
        this.actionItems = actionItems == null ? new ArrayList<>() : new ArrayList<>(actionItems);
    }

    public List<Long> getRecommendations() {
        return recommendations;
    }

    public void setRecommendations(List<Long> recommendations) {
        this.recommendations = recommendations == null ? new ArrayList<>() : new ArrayList<>(recommendations);
    }
}
