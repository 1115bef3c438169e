package org.interlink.item.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.caller.entity.Caller;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemEvent;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemNotFound;
import org.interlink.item.entity.ItemVersion;
import org.interlink.sharing.control.ItemQuery;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.sharing.entity.Sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The use cases every kind of item shares: read (through the gate), and the workflow steps. Each
 * step loads the item through the gate, asks the item to do it, and the transaction stores it.
 */
@Stateless
public class Items {

    @Inject
    VisibilityGate gate;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    public List<ItemVersion> list(Caller caller, ItemQuery query, int first, int max) {
        return gate.list(caller, query, first, max);
    }

    public long count(Caller caller, ItemQuery query) {
        return gate.count(caller, query);
    }

    /** The version of the item the caller reads, or empty ("not found") when they may not. */
    public Optional<ItemVersion> read(Caller caller, ItemId id) {
        return gate.find(caller, id);
    }

    public List<ItemVersion> versions(Caller caller, ItemId id) {
        return gate.versions(caller, id);
    }

    public List<ItemEvent> history(Caller caller, ItemId id) {
        return gate.history(caller, id);
    }

    /** Drafts a new item; used by the boundaries of each kind, which build the content. */
    public Item draft(Caller caller, ItemContent content, Sharing sharing) {
        Item item = Item.draft(caller, content, sharing, now());
        em.persist(item);
        em.flush();
        return item;
    }

    public Item edit(Caller caller, ItemId id, ItemContent content, Sharing sharing) {
        Item item = forChange(caller, id);
        item.edit(caller, content, sharing, now());
        return item;
    }

    public Item submit(Caller caller, ItemId id) {
        Item item = forChange(caller, id);
        item.submit(caller, now());
        return item;
    }

    public Item publish(Caller vetter, ItemId id, String comment) {
        Item item = forChange(vetter, id);
        item.publish(vetter, comment, now());
        return item;
    }

    public Item returnToAuthor(Caller vetter, ItemId id, String comment) {
        Item item = forChange(vetter, id);
        item.returnToAuthor(vetter, comment, now());
        return item;
    }

    public Item withdraw(Caller caller, ItemId id, String comment) {
        Item item = forChange(caller, id);
        item.withdraw(caller, comment, now());
        return item;
    }

    public Item archive(Caller caller, ItemId id) {
        Item item = forChange(caller, id);
        item.archive(caller, now());
        return item;
    }

    public Item startNewVersion(Caller caller, ItemId id) {
        Item item = forChange(caller, id);
        item.startNewVersion(caller, now());
        em.flush();
        return item;
    }

    private Item forChange(Caller caller, ItemId id) {
        return gate.findForChange(caller, id).orElseThrow(() -> new ItemNotFound(id));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
