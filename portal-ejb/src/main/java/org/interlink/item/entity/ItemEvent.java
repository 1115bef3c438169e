package org.interlink.item.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One entry of an item's history: who did what to which version, when, from which agency, with
 * which comment, and — when content or sharing changed — the snapshot after the change.
 */
@Entity
@Table(name = "item_event")
public class ItemEvent implements Serializable {

    /** Looked up once: {@code Json.create…} searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "item_event_seq", sequenceName = "item_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_event_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    private Item item;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNumber;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false, length = 100)
    private String actor;

    @Column(name = "actor_agency", updatable = false, length = 32)
    private String actorAgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private ItemAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false, length = 20)
    private WorkflowState toState;

    @Column(updatable = false, length = 2000)
    private String comment;

    /** JSON of the version after the change, when content or sharing changed. */
    @Column(updatable = false, length = 100_000)
    private String snapshot;

    protected ItemEvent() {
    }

    ItemEvent(Item item, ItemVersion version, Instant at, Username actor, String actorAgency, ItemAction action,
            String comment, String snapshot) {
        this.item = item;
        this.versionNumber = version.getNumber();
        this.at = at;
        this.actor = actor.value();
        this.actorAgency = actorAgency;
        this.action = action;
        this.toState = version.getState();
        this.comment = comment;
        this.snapshot = snapshot;
    }

    public Long getId() {
        return id;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public Instant getAt() {
        return at;
    }

    public Username getActor() {
        return new Username(actor);
    }

    public String getActorAgency() {
        return actorAgency;
    }

    public ItemAction getAction() {
        return action;
    }

    public WorkflowState getToState() {
        return toState;
    }

    public Optional<String> getComment() {
        return Optional.ofNullable(comment);
    }

    public Optional<String> getSnapshot() {
        return Optional.ofNullable(snapshot);
    }

    /**
     * The marking and the people named in the snapshot, i.e. how the version was shared right after this
     * change; empty for an entry without a snapshot (it changed neither content nor sharing).
     */
    public Optional<RecordedSharing> recordedSharing() {
        return json().map(json -> new RecordedSharing(json.getString("marking", ""), strings(json, "peopleIds").stream()
                .map(PersonId::new).collect(Collectors.toUnmodifiableSet())));
    }

    /** The ids of the items the snapshot links to (a recommendation's meeting, a meeting's recommendations). */
    public Set<Long> linkedItems() {
        return json().map(json -> {
            Set<Long> ids = new TreeSet<>();
            ItemVersion.SNAPSHOT_LINKS.forEach(field -> {
                JsonValue value = json.get(field);
                if (value instanceof JsonNumber id) {
                    ids.add(id.longValue());
                } else if (value instanceof JsonArray many) {
                    many.getValuesAs(JsonNumber.class).forEach(id -> ids.add(id.longValue()));
                }
            });
            return (Set<Long>) ids;
        }).orElse(Set.of());
    }

    /**
     * A copy of this entry (not stored, never to be) whose snapshot links only to {@code readable} items: a
     * reader is not told of linked items they may not read. The entry itself when it links to none other.
     */
    public ItemEvent linkingOnly(Set<Long> readable) {
        if (readable.containsAll(linkedItems())) {
            return this;
        }
        JsonObjectBuilder json = JSON.createObjectBuilder(json().orElseThrow());
        ItemVersion.SNAPSHOT_LINKS.forEach(field -> {
            JsonValue value = json().orElseThrow().get(field);
            if (value instanceof JsonNumber id && !readable.contains(id.longValue())) {
                json.remove(field);
            } else if (value instanceof JsonArray many) {
                JsonArrayBuilder kept = JSON.createArrayBuilder();
                many.getValuesAs(JsonNumber.class).stream().filter(id -> readable.contains(id.longValue())).forEach(kept::add);
                json.add(field, kept);
            }
        });
        ItemEvent copy = new ItemEvent();
        copy.id = id;
        copy.item = item;
        copy.versionNumber = versionNumber;
        copy.at = at;
        copy.actor = actor;
        copy.actorAgency = actorAgency;
        copy.action = action;
        copy.toState = toState;
        copy.comment = comment;
        copy.snapshot = json.build().toString();
        return copy;
    }

    private Optional<JsonObject> json() {
        if (snapshot == null) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(snapshot))) {
            return Optional.of(reader.readObject());
        }
    }

    private static Set<String> strings(JsonObject json, String field) {
        JsonArray values = json.getJsonArray(field);
        return values == null
                ? Set.of()
                : values.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * How a version was shared after a change, as its snapshot recorded it.
     *
     * @param marking the marking's label ({@code TLP:RED} …)
     * @param people  the people the version was shared with by name (TLP:RED), by id (a snapshot taken before ids
     *                were recorded names nobody)
     */
    public record RecordedSharing(String marking, Set<PersonId> people) {

        public boolean isRed() {
            return Marking.RED.label().equals(marking);
        }
    }
}
