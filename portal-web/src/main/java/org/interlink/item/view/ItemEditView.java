package org.interlink.item.view;

import jakarta.inject.Inject;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.boundary.Communities;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.Community;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.infrastructure.i18n.Language;
import org.interlink.item.boundary.ItemForm;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.CrossedEdit;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.Texts;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.entity.HandlingCode;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What the edit pages of the three kinds share: a new item or the caller's editable version
 * ({@code ?id=…}), the sharing choices, and saving through the kind's boundary.
 * <p>
 * Which item the form edits is fixed when the form is loaded and kept with the view, with the tag
 * of the version it was filled from; the {@code id} a post carries only has to agree with it. Taken
 * from the post, it would let a post of one item's form (its address rewritten, or forged) save over
 * another item whose tag happens to be the same, or turn a new form into an edit with no tag check.
 *
 * @param <F> the form of the kind
 */
public abstract class ItemEditView<F extends ItemForm> implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    protected Items items;

    @Inject
    protected SharedItems sharedItems;

    @Inject
    protected CurrentCaller currentCaller;

    @Inject
    Agencies agencies;

    @Inject
    Communities communities;

    @Inject
    Language language;

    /** The {@code id} of the request (view parameter): set again from every post that carries one. */
    private String id;
    /** The item the form was loaded for; null for a new item. */
    private ItemId openedFor;
    private F form;
    /** The tag of the version the form was filled from: saving over someone else's change is refused. */
    private String tag;

    /** Runs before the page renders (f:viewAction): a new form, or the caller's current version to edit. */
    public void load() throws IOException {
        if (form != null) {
            return;
        }
        if (id == null || id.isBlank()) {
            form = newForm();
            // written, most likely, in the language the author reads the portal in
            form.setLanguage(language.getTag());
            return;
        }
        Optional<ItemVersion> version = ItemId.parse(id).flatMap(itemId -> sharedItems.toEdit(caller(), itemId))
                .filter(v -> v.getItem().getKind() == kind());
        if (version.isEmpty()) {
            Faces.responseSendError(404, "no such item");
            Faces.responseComplete();
            return;
        }
        form = formOf(version.get());
        openedFor = version.get().getItem().id();
        tag = version.get().tag();
    }

    /**
     * Drafts the new item or saves the edit of the item the form was loaded for; the item's page
     * shows it. A post that names another item (or names one for a new form) is refused, and nothing
     * is saved.
     */
    public String save() {
        Optional<ItemId> sentFor = ItemId.parse(id);
        if (!sentFor.equals(Optional.ofNullable(openedFor))) {
            if (sentFor.isPresent()) {
                items.refuseCrossedEdit(caller(), openedFor, sentFor.get());
            }
            throw new CrossedEdit();
        }
        Item item = isNew() ? items.draft(caller(), form) : items.edit(caller(), openedFor, form, tag);
        Messages.addFlashGlobalInfo(isNew() ? "notice.draftSaved" : "notice.changesSaved");
        return "/item?faces-redirect=true&id=" + item.getId();
    }

    protected abstract ItemKind kind();

    protected abstract F newForm();

    protected abstract F formOf(ItemVersion version);

    /** Whether the form drafts a new item (decided when it was loaded, not by a post). */
    public boolean isNew() {
        return openedFor == null;
    }

    /** The item the form edits (for the way back), null for a new item. */
    public ItemId getOpenedFor() {
        return openedFor;
    }

    public List<Marking> getMarkings() {
        return List.of(Marking.values());
    }

    public List<Scope> getScopes() {
        return List.of(Scope.values());
    }

    public List<HandlingCode> getHandlingCodes() {
        return List.of(HandlingCode.values());
    }

    /** The other agencies (the own agency always reads its items). */
    public List<Agency> getOtherAgencies() {
        Optional<Agency> own = caller().activeAgency();
        return agencies.all().stream().filter(a -> own.map(o -> !o.equals(a)).orElse(true)).toList();
    }

    public List<Agency> getAllAgencies() {
        return agencies.all();
    }

    public List<Community> getCommunities() {
        return communities.all();
    }

    protected Caller caller() {
        return currentCaller.get();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The languages an item's texts may be in. */
    public List<String> getLanguages() {
        return Texts.LANGUAGES;
    }

    public F getForm() {
        return form;
    }
}
