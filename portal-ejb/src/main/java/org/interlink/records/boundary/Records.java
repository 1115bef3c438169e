package org.interlink.records.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.interlink.caller.entity.Caller;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.Item;
import org.interlink.item.entity.ItemId;
import org.interlink.item.entity.ItemKind;
import org.interlink.sharing.boundary.SharingResolver;

/** Drafting and editing migration-management records. */
@Stateless
public class Records {

    @Inject
    Items items;

    @Inject
    SharingResolver sharing;

    public Item draft(@NotNull Caller caller, @Valid @NotNull RecordForm form) {
        return items.draft(caller, ItemKind.RECORD, form::content, form.texts(), () -> sharing.resolve(form.getSharing()));
    }

    /**
     * @param expectedTag the tag of the version the form was filled from (pages and API send it), or
     *                    null to skip the check
     */
    public Item edit(@NotNull Caller caller, @NotNull ItemId id, @Valid @NotNull RecordForm form, String expectedTag) {
        return items.edit(caller, id, form::content, form.texts(), () -> sharing.resolve(form.getSharing()), expectedTag);
    }
}
