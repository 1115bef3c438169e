package org.interlink.item.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.BusinessException;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.control.People;
import org.interlink.caller.entity.Caller;
import org.interlink.item.entity.CrossedEdit;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.ItemStep;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Texts;
import org.interlink.sharing.control.ItemQuery;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.sharing.entity.Sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The use cases every kind of item shares: read (through the gate), and the workflow steps. Each
 * step loads the item through the gate, asks the item to do it, records it in the audit trail, and
 * the transaction stores both, and tells who must hear of it ({@link ItemChanged}). A step the rules
 * refuse changes nothing and is recorded as denied.
 */
@Stateless
public class Items {

    @Inject
    VisibilityGate gate;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditGate audit;

    @Inject
    Event<ItemChanged> changed;

    @Inject
    People people;

    @Inject
    org.interlink.sharing.control.DashboardFigures figures;

    public List<ItemVersion> list(Caller caller, ItemQuery query, int first, int max) {
        return gate.list(caller, query, first, max);
    }

    public long count(Caller caller, ItemQuery query) {
        return gate.count(caller, query);
    }

    /** The dashboard's charts: counts through the gate (see {@link org.interlink.sharing.control.DashboardFigures}). */
    public org.interlink.sharing.control.DashboardFigures.Figures figures(Caller caller) {
        return figures.of(caller);
    }

    /** The rows of a list for an export, TLP:RED left out (see {@link VisibilityGate#export}). */
    public List<ItemVersion> export(Caller caller, ItemQuery query, String format) {
        return gate.export(caller, query, format);
    }

    /** How the matches of a search spread over kind, marking, state, owner and time (see {@link VisibilityGate#facets}). */
    public VisibilityGate.Facets facets(Caller caller, ItemQuery query) {
        return gate.facets(caller, query);
    }

    /** The version of the item the caller reads, or empty ("not found") when they may not. */
    public Optional<ItemVersion> read(Caller caller, ItemId id) {
        return gate.find(caller, id);
    }

    /**
     * The current version of the item, for its edit form: only someone acting for its owner agency who reads that
     * version opens it (recorded as a read of it); anyone else is refused as for a change ("not found" when they may
     * not read the item), and nothing is recorded as read.
     */
    public Optional<ItemVersion> readToEdit(Caller caller, ItemId id) {
        return gate.findForChange(caller, id).flatMap(item -> gate.find(caller, id));
    }

    /**
     * The version of the item the caller links another item to (a recommendation to its meeting, a
     * meeting to its recommendations), recorded as a read with the linking as its purpose.
     */
    public Optional<ItemVersion> readToLink(Caller caller, ItemId id, ItemKind linking) {
        return gate.findToLink(caller, id, "Linking a new " + linking.label() + " to it");
    }

    /**
     * Whether reading the item needs the reader's purpose first: TLP:AMBER, AMBER+STRICT and RED
     * items read by someone outside the owner agency. Answers without recording a read (nothing
     * is shown yet); an item the caller may not read needs nothing (it will be "not found").
     */
    public boolean needsPurpose(Caller caller, ItemId id) {
        return gate.purposeNeeded(caller, id);
    }

    /**
     * A read refused because the reader gave no purpose where one is needed ({@link #needsPurpose}):
     * recorded as a denied read, in a transaction of its own, in the reader's agency's trail (nothing
     * was shown, so the owner's has nothing to account for). Only asked for an item the caller reads,
     * so naming it tells nobody more than the answer does.
     */
    public void purposeMissing(Caller caller, ItemId id) {
        audit.recordRefusal(caller, AuditAction.VIEW, null, "read of item " + id.value()
                + " refused: no purpose given (TLP:AMBER and RED items of another agency are read for a stated purpose)");
    }

    /** The item as its page shows it, recorded as one read with the reader's purpose (when asked). */
    public Optional<VisibilityGate.Dossier> dossier(Caller caller, ItemId id, String purpose) {
        return gate.dossier(caller, id, purpose);
    }

    public List<ItemVersion> versions(Caller caller, ItemId id) {
        return gate.versions(caller, id);
    }

    public List<ItemEvent> history(Caller caller, ItemId id) {
        return gate.history(caller, id);
    }

    /** As {@link #history(Caller, ItemId)}, with why the caller reads it (asked for TLP:AMBER and RED of other agencies). */
    public List<ItemEvent> history(Caller caller, ItemId id, String purpose) {
        return gate.history(caller, id, purpose);
    }

    /** Whether the caller reads this version (nothing recorded: for an answer to a change the caller made, which was). */
    public boolean readsVersion(Caller caller, ItemVersion version) {
        return gate.readable(caller, version);
    }

    /** The items the version links to that the caller reads (nothing recorded: for an answer to a change). */
    public List<ItemVersion> readableLinks(Caller caller, ItemVersion version) {
        return gate.readableLinks(caller, version);
    }

    /** The history entries the caller reads of an item they just changed (the change itself was recorded). */
    public List<ItemEvent> historyAfterChange(Caller caller, Item item) {
        return gate.historyAfterChange(caller, item);
    }

    /**
     * Drafts a new item; used by the boundaries of each kind, which resolve what the form names (agencies,
     * communities, people, linked items) in {@code content} and {@code sharing}: a name they refuse is recorded
     * like every refusal (a linked item the caller may not read was recorded by the gate as a refused read).
     */
    public Item draft(Caller caller, ItemKind kind, Supplier<ItemContent> content, Texts texts, Supplier<Sharing> sharing) {
        ItemContent resolved;
        Sharing shared;
        try {
            resolved = content.get();
            shared = sharing.get();
        } catch (ItemNotFound recordedWhereLookedFor) {
            throw recordedWhereLookedFor;
        } catch (BusinessException refused) {
            audit.recordRefusal(caller, AuditAction.CREATE, null, kind + ": " + refused.getMessage());
            throw refused;
        }
        Item item;
        try {
            item = Item.draft(caller, resolved, texts, shared, now());
        } catch (BusinessException refused) {
            audit.recordRefusal(caller, AuditAction.CREATE, null, kind + ": " + refused.getMessage());
            throw refused;
        }
        em.persist(item);
        em.flush();
        audit.record(caller, AuditAction.CREATE, AuditOutcome.ALLOWED, item, null,
                item.getKind() + " drafted, " + shared.marking().label() + " " + shared.scope());
        return item;
    }

    /**
     * The author changes content and sharing; a changed marking, scope or grants is a sharing change. What the
     * form names is resolved once the item is found for the change, so that an item the caller may not change is
     * "not found" whatever the form says.
     *
     * @param expectedTag the tag of the version the author edited (API: If-Match), or null to skip the check
     */
    public Item edit(Caller caller, ItemId id, Supplier<ItemContent> content, Texts texts, Supplier<Sharing> sharing,
                     String expectedTag) {
        return change(caller, id, AuditAction.UPDATE, item -> {
            item.requireTag(expectedTag);
            ItemContent resolved = content.get();
            Sharing shared = sharing.get();
            Sharing before = item.current().sharing();
            item.edit(caller, resolved, texts, shared, now());
            int version = item.current().getNumber();
            return before.equals(shared) ? new Change(AuditAction.UPDATE, "edited version " + version)
                    : new Change(AuditAction.SHARING_CHANGE, "sharing of version " + version + " changed from "
                    + describe(before) + " to " + describe(shared));
        });
    }

    /**
     * Refuses an edit form sent for item {@code sentFor} although it was opened for {@code openedFor}
     * ({@link CrossedEdit}), and records the refusal as a denied update of the item the post named
     * (an item the caller may not change is recorded as such by the gate).
     *
     * @param openedFor the item the form was loaded for, null for a new item's form
     */
    public void refuseCrossedEdit(Caller caller, ItemId openedFor, ItemId sentFor) {
        CrossedEdit refusal = new CrossedEdit();
        String form = openedFor == null ? "form of a new item" : "edit form of item " + openedFor;
        gate.findForChange(caller, sentFor).ifPresent(item -> audit.recordRefusal(caller, AuditAction.UPDATE, item,
                form + " sent for item " + sentFor + ": " + refusal.getMessage()));
        throw refusal;
    }

    public Item submit(Caller caller, ItemId id) {
        return take(caller, id, ItemStep.SUBMIT, null, null);
    }

    public Item publish(Caller vetter, ItemId id, String comment) {
        return take(vetter, id, ItemStep.PUBLISH, comment, null);
    }

    public Item returnToAuthor(Caller vetter, ItemId id, String comment) {
        return take(vetter, id, ItemStep.RETURN, comment, null);
    }

    public Item withdraw(Caller caller, ItemId id, String comment) {
        return take(caller, id, ItemStep.WITHDRAW, comment, null);
    }

    public Item archive(Caller caller, ItemId id) {
        return take(caller, id, ItemStep.ARCHIVE, null, null);
    }

    public Item startNewVersion(Caller caller, ItemId id) {
        return take(caller, id, ItemStep.NEW_VERSION, null, null);
    }

    /**
     * Takes a workflow step (the pages name it, the API passes it on); {@code expectedTag}
     * (If-Match), when given, must be the current version's tag. Editing is not a step here: it
     * carries content ({@link #edit}).
     */
    public Item take(Caller caller, ItemId id, ItemStep step, String comment, String expectedTag) {
        Consumer<Item> checked = item -> item.requireTag(expectedTag);
        Instant now = now();
        return switch (step) {
            case SUBMIT -> step(caller, id, "submitted", checked.andThen(item -> item.submit(caller, now)));
            case PUBLISH -> step(caller, id, "published", checked.andThen(item -> {
                item.publish(caller, comment, now);
                requireNamedPeople(item.current());
            }));
            case RETURN -> step(caller, id, "returned to the author",
                    checked.andThen(item -> item.returnToAuthor(caller, comment, now)));
            case WITHDRAW -> step(caller, id, "withdrawn", checked.andThen(item -> item.withdraw(caller, comment, now)));
            case ARCHIVE -> step(caller, id, "archived", checked.andThen(item -> item.archive(caller, now)));
            case NEW_VERSION -> newVersion(caller, id, expectedTag);
            case EDIT -> throw new IllegalArgumentException("editing carries content: use edit");
        };
    }

    private Item newVersion(Caller caller, ItemId id, String expectedTag) {
        Item changed = change(caller, id, AuditAction.UPDATE, item -> {
            item.requireTag(expectedTag);
            item.startNewVersion(caller, now());
            return new Change(AuditAction.UPDATE, "new version " + item.current().getNumber() + " started");
        });
        em.flush();
        return changed;
    }

    /**
     * Loads the item for a change through the gate, makes the change, and records it; a change the
     * rules refuse is recorded as denied (in a transaction of its own, as this one rolls back).
     * For the boundaries of attachments and of each kind; pages call the named steps.
     *
     * @param attempted what the event is when the change is refused
     * @param change    makes the change and says what it was
     */
    public Item change(Caller caller, ItemId id, AuditAction attempted, Function<Item, Change> change) {
        return apply(caller, gate.findForChange(caller, id).orElseThrow(() -> new ItemNotFound(id)), attempted, change);
    }

    /**
     * As {@link #change}, for a follow-through step on the shared version by someone who reads the
     * item (not only its owner agency): the kind's rules in {@code change} decide who may.
     */
    public Item followThrough(Caller caller, ItemId id, AuditAction attempted, Function<Item, Change> change) {
        return apply(caller, gate.findForFollowThrough(caller, id).orElseThrow(() -> new ItemNotFound(id)), attempted, change);
    }

    private Item apply(Caller caller, Item item, AuditAction attempted, Function<Item, Change> change) {
        Change made;
        try {
            made = change.apply(item);
        } catch (ItemNotFound recordedWhereLookedFor) {
            // an item the change names (a link) that the caller may not read: the gate recorded the refused read
            throw recordedWhereLookedFor;
        } catch (BusinessException refused) {
            // the caller reads the item (the gate found it): their agency may read what they were told
            audit.recordDeniedApart(caller, attempted, item.getId(), item, "item " + item.getId() + ": " + refused.getMessage(),
                    refused.getMessage());
            throw refused;
        }
        audit.record(caller, made.action(), AuditOutcome.ALLOWED, item, null, made.what());
        item.lastChange().ifPresent(entry -> changed.fire(new ItemChanged(item, entry, caller)));
        return item;
    }

    /**
     * The people a TLP:RED version names must still be people of the identity provider when it is published: a
     * grant to someone deleted since would otherwise wait for nobody (and says who the author meant).
     */
    private void requireNamedPeople(ItemVersion version) {
        version.namedPeople().stream().filter(person -> !people.exists(person.id())).findFirst().ifPresent(gone -> {
            throw new IllegalSharing(gone + " is no longer a person of the portal: name someone else before this TLP:RED item "
                    + "is published.", "sharing.personGone", gone.username().value());
        });
    }

    /** What a change was, for the audit trail. */
    public record Change(AuditAction action, String what) {
    }

    private Item step(Caller caller, ItemId id, String done, Consumer<Item> step) {
        return change(caller, id, AuditAction.STATE_CHANGE, item -> {
            step.accept(item);
            ItemVersion current = item.current();
            return new Change(AuditAction.STATE_CHANGE, "version " + current.getNumber() + " " + done + ", now " + current.getState());
        });
    }

    private static String describe(Sharing sharing) {
        return sharing.marking().label() + " " + sharing.scope()
                + (sharing.agencies().isEmpty() ? "" : " " + sharing.agencies().stream().map(a -> a.getCode().value()).sorted().toList())
                + (sharing.communities().isEmpty() ? "" : " " + sharing.communities().stream().map(c -> c.getCode().value()).sorted().toList())
                + (sharing.people().isEmpty() ? "" : " " + sharing.people().stream().map(p -> p.username() + " (" + p.id() + ")")
                .sorted().toList());
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
