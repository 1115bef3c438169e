package org.interlink.item.entity;

import org.interlink.agency.entity.Agency;
import org.interlink.sharing.entity.Sharing;

/**
 * The content of one kind of item, as a form or the API hands it in. It knows the version class
 * that holds it and the rules that need the owner and the sharing (e.g. a recommendation must reach
 * its addressee).
 */
public interface ItemContent {

    String title();

    String summary();

    ItemKind kind();

    /** A new, empty version of the kind that holds this content. */
    ItemVersion createVersion();

    /** @throws org.interlink.BusinessException naming the rule the content breaks */
    void check(Agency owner, Sharing sharing);
}
