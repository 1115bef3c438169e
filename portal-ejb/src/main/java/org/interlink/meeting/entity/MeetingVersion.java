package org.interlink.meeting.entity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import org.interlink.agency.entity.Agency;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.NotAllowed;
import org.interlink.sharing.entity.Coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A version of a meeting outcome. On its published version, the owner agency of each action item
 * updates that item's status ({@link #updateAction}, through {@link Item#followThrough}).
 */
@Entity
@Table(name = "meeting_version")
@DiscriminatorValue("MEETING_OUTCOME")
@PrimaryKeyJoinColumn(name = "id")
public class MeetingVersion extends ItemVersion {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long serialVersionUID = 1L;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(nullable = false, length = 200)
    private String place;

    @ManyToMany
    @JoinTable(name = "meeting_participant", joinColumns = @JoinColumn(name = "version_id"), inverseJoinColumns = @JoinColumn(name = "agency_id"))
    private Set<Agency> participants = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "meeting_decision", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "seq")
    @Column(name = "decision", nullable = false, length = 2000)
    private List<String> decisions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "meeting_action_item", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "seq")
    private List<ActionItem> actionItems = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "meeting_recommendation", joinColumns = @JoinColumn(name = "version_id"), inverseJoinColumns = @JoinColumn(name = "recommendation_item_id"))
    private Set<Item> recommendations = new LinkedHashSet<>();

    protected MeetingVersion() {
    }

    @Override
    protected Coverage covers() {
        return Coverage.MEETING_OUTCOME;
    }

    @Override
    protected void apply(ItemContent content) {
        MeetingContent meeting = (MeetingContent) content;
        this.startsOn = meeting.startsOn();
        this.endsOn = meeting.endsOn();
        this.place = meeting.place().trim();
        this.participants = new LinkedHashSet<>(meeting.participants());
        this.decisions = new ArrayList<>(meeting.decisions().stream().map(String::trim).toList());
        this.actionItems = new ArrayList<>(meeting.actionItems());
        this.recommendations = new LinkedHashSet<>(meeting.recommendations());
    }

    /**
     * An official or liaison of the action item's owner agency sets its status, saying why in a note.
     *
     * @param number the action item's number on the meeting page, from 1
     * @return the history entry's comment
     */
    public String updateAction(Caller caller, int number, ActionStatus status, String note, Instant now) {
        if (number < 1 || number > actionItems.size()) {
            throw new InvalidContent("This meeting has no action item " + number + ".");
        }
        ActionItem action = actionItems.get(number - 1);
        if (!isActionUpdatedBy(caller, number)) {
            throw new NotAllowed("Only officials and liaisons of " + action.getOwner().getName()
                    + ", whose action item it is, update its status.");
        }
        if (status == null) {
            throw new InvalidContent("Choose the status of the action item.");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidContent("Say in a note what changed: the meeting's participants read it.");
        }
        actionItems.set(number - 1, action.updated(status, note.trim(), caller.username().value(), now));
        return "action item " + number + " (" + action.getDescription() + "): " + action.getStatus() + " → " + status
                + ": " + note.trim();
    }

    /**
     * The action items (numbers from 1) overdue on {@code today} whose owner agency was not told yet;
     * they are marked as told.
     */
    public List<Integer> takeNewlyOverdue(LocalDate today) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < actionItems.size(); i++) {
            ActionItem action = actionItems.get(i);
            if (action.isOverdue(today) && !action.isOverdueNotified()) {
                actionItems.set(i, action.overdueNotified());
                numbers.add(i + 1);
            }
        }
        return numbers;
    }

    /** Whether the caller updates the status of the action item {@code number} (from 1). */
    public boolean isActionUpdatedBy(Caller caller, int number) {
        return number >= 1 && number <= actionItems.size()
                && caller.activeAgency().map(actionItems.get(number - 1).getOwner()::equals).orElse(false)
                && (caller.hasRole(Role.OFFICIAL) || caller.hasRole(Role.LIAISON));
    }

    @Override
    protected void carryOver(ItemVersion superseded) {
        List<ActionItem> previous = ((MeetingVersion) superseded).actionItems;
        actionItems.replaceAll(action -> previous.stream().filter(action::isSameAs).findFirst()
                .map(action::withStatusOf).orElse(action));
    }

    @Override
    public MeetingContent content() {
        return new MeetingContent(getTitle(), getSummary(), startsOn, endsOn, place, participants, decisions,
                actionItems, recommendations);
    }

    @Override
    protected void describe(JsonObjectBuilder snapshot) {
        snapshot.add("startsOn", startsOn.toString()).add("endsOn", endsOn.toString()).add("place", place);
        JsonArrayBuilder agencies = JSON.createArrayBuilder();
        getParticipants().forEach(a -> agencies.add(a.getCode().value()));
        JsonArrayBuilder decided = JSON.createArrayBuilder();
        decisions.forEach(decided::add);
        JsonArrayBuilder actions = JSON.createArrayBuilder();
        actionItems.forEach(a -> actions.add(JSON.createObjectBuilder()
                .add("description", a.getDescription())
                .add("owner", a.getOwner().getCode().value())
                .add("dueOn", a.getDueOn().toString())
                .add("status", a.getStatus().name())));
        JsonArrayBuilder linked = JSON.createArrayBuilder();
        recommendations.stream().map(Item::getId).sorted().forEach(linked::add);
        snapshot.add("participants", agencies).add("decisions", decided).add("actionItems", actions)
                .add("recommendations", linked);
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getPlace() {
        return place;
    }

    public List<Agency> getParticipants() {
        return participants.stream().sorted(Comparator.comparing(Agency::getName)).toList();
    }

    public List<String> getDecisions() {
        return List.copyOf(decisions);
    }

    public List<ActionItem> getActionItems() {
        return List.copyOf(actionItems);
    }

    @Override
    public Set<Item> links() {
        return getRecommendations();
    }

    /** Linked recommendations (the reader sees each only if the gate lets them). */
    public Set<Item> getRecommendations() {
        return Set.copyOf(recommendations);
    }
}
