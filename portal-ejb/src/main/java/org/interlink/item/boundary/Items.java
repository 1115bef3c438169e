package org.interlink.item.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.interlink.BusinessException;
import org.interlink.agency.entity.Agency;
import org.interlink.agreement.boundary.Agreements;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.caller.control.People;
import org.interlink.caller.entity.Caller;
import org.interlink.item.entity.CrossedEdit;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.ItemStep;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Texts;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.boundary.SharingResolver;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.IllegalSharing;
import org.interlink.sharing.entity.Sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The changes every kind of item shares: drafting, editing and the workflow steps (reads are
 * {@code sharing.boundary.SharedItems}'). Each
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
    SharedItems sharedItems;

    @Inject
    SharingResolver sharingResolver;

    @Inject
    Agreements agreements;

    /**
     * Drafts a new item of the form's kind, with what the form names (agencies, communities, people, linked items)
     * resolved: a name refused is recorded like every refusal (a linked item the caller may not read was recorded by
     * the gate as a refused read).
     */
    public Item draft(@NotNull Caller caller, @Valid @NotNull ItemForm form) {
        return draft(caller, form.kind(), () -> form.content(names(caller, form.kind())), form.texts(),
                () -> sharingResolver.resolve(form.getSharing()));
    }

    /**
     * The author changes content and sharing (see {@link #edit(Caller, ItemId, Supplier, Texts, Supplier, String)}).
     *
     * @param expectedTag the tag of the version the form was filled from (pages and API send it), or null to skip the
     *                    check
     */
    public Item edit(@NotNull Caller caller, @NotNull ItemId id, @Valid @NotNull ItemForm form, String expectedTag) {
        return edit(caller, id, () -> form.content(names(caller, form.kind())), form.texts(),
                () -> sharingResolver.resolve(form.getSharing()), expectedTag);
    }

    /** What a form of {@code kind} names, resolved for the caller: agencies by code, linked items read for the linking. */
    private ItemForm.Names names(Caller caller, ItemKind kind) {
        return new ItemForm.Names() {
            @Override
            public Set<Agency> agencies(List<String> codes) {
                return sharingResolver.agencies(codes);
            }

            @Override
            public Item linked(long id) {
                return sharedItems.toLink(caller, new ItemId(id), kind).orElseThrow(() -> new ItemNotFound(new ItemId(id))).getItem();
            }
        };
    }

    private Item draft(Caller caller, ItemKind kind, Supplier<ItemContent> content, Texts texts, Supplier<Sharing> sharing) {
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
            agreements.requireCovered(item.getOwner(), shared, item.current().getCoverage());
        } catch (BusinessException refused) {
            audit.recordRefusal(caller, AuditAction.CREATE, null, kind + ": " + refused.getMessage());
            throw refused;
        }
        em.persist(item);
        em.flush();
        audit.record(caller, AuditAction.CREATE, AuditOutcome.ALLOWED, item.reference(), null,
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
    private Item edit(Caller caller, ItemId id, Supplier<ItemContent> content, Texts texts, Supplier<Sharing> sharing,
            String expectedTag) {
        return change(caller, id, AuditAction.UPDATE, item -> {
            item.requireTag(expectedTag);
            ItemContent resolved = content.get();
            Sharing shared = sharing.get();
            Sharing before = item.current().sharing();
            Coverage coveredBefore = item.current().getCoverage();
            item.edit(caller, resolved, texts, shared, now());
            if (!before.equals(shared) || coveredBefore != item.current().getCoverage()) {
                agreements.requireCovered(item.getOwner(), shared, item.current().getCoverage());
            }
            int version = item.current().getNumber();
            return before.equals(shared)
                    ? new Change(AuditAction.UPDATE, "edited version " + version)
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
        gate.findForChange(caller, sentFor).ifPresent(item -> audit.recordRefusal(caller, AuditAction.UPDATE, item.reference(),
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
            audit.recordDeniedApart(caller, attempted, item.getId(), item.reference(), "item " + item.getId() + ": " + refused.getMessage(),
                    refused.getMessage());
            throw refused;
        }
        audit.record(caller, made.action(), AuditOutcome.ALLOWED, item.reference(), null, made.what());
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
                + (sharing.communities().isEmpty()
                        ? ""
                        : " " + sharing.communities().stream().map(c -> c.getCode().value()).sorted().toList())
                + (sharing.people().isEmpty()
                        ? ""
                        : " " + sharing.people().stream().map(p -> p.username() + " (" + p.id() + ")")
                                .sorted().toList())
                + (sharing.until() == null ? "" : " until " + sharing.until()) + " " + sharing.handling()
                + (sharing.handlingNote() == null ? "" : " (" + sharing.handlingNote() + ")");
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
