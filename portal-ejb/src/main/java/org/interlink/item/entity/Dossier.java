package org.interlink.item.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * An item as its page shows it: the version the caller reads, the versions and history entries they may read, the
 * items it links to that they read, and the shared version when they may read it.
 *
 * @param shared the published (or archived) version, which carries the follow-up and the action items' updates, when
 *               the caller may read it (null otherwise, or before publication)
 */
public record Dossier(ItemVersion version, List<ItemVersion> versions, List<ItemEvent> history, List<ItemVersion> links,
        ItemVersion shared) implements Serializable {

    public Optional<ItemVersion> sharedVersion() {
        return Optional.ofNullable(shared);
    }
}
