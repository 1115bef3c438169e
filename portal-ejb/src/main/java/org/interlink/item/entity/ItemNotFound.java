package org.interlink.item.entity;

import org.interlink.BusinessException;

/**
 * No item with this id that the caller may see. Deliberately the same whether the item does not
 * exist or the caller may not see it, so ids reveal nothing.
 */
public class ItemNotFound extends BusinessException {

    public ItemNotFound(ItemId id) {
        super("There is no item " + id + " that you can see.", "ItemNotFound", id);
    }
}
