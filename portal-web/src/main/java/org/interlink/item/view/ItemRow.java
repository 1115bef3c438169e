package org.interlink.item.view;

import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemVersion;
import org.interlink.item.entity.TranslatedText;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One row of a list or of search results: what the row shows, copied out of the version it was read
 * from. The table keeps its page of rows in the view — in the session, and in a cluster in every
 * node's copy of it — so the rows hold no entity: an entity read in a transaction carries that
 * transaction's unit of work with it (about 1.1 MB per signed-in session in run N of the benchmark).
 */
public final class ItemRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long versionId;
    private final long itemId;
    private final ItemKind kind;
    private final String ownerName;
    private final String title;
    private final String summary;
    private final String language;
    private final Map<String, TranslatedText> translations;
    private final Marking marking;
    private final WorkflowState state;
    private final int number;
    private final Instant updatedAt;

    private ItemRow(ItemVersion version) {
        versionId = version.getId();
        itemId = version.getItem().getId();
        kind = version.getItem().getKind();
        ownerName = version.getItem().getOwner().getName();
        title = version.getTitle();
        summary = version.getSummary();
        language = version.getLanguage();
        translations = version.texts().others();
        marking = version.getMarking();
        state = version.getState();
        number = version.getNumber();
        updatedAt = version.getUpdatedAt();
    }

    static ItemRow of(ItemVersion version) {
        return new ItemRow(version);
    }

    /** The version's id: a row's key (a list may show two versions of one item). */
    long versionId() {
        return versionId;
    }

    public long getItemId() {
        return itemId;
    }

    public ItemKind getKind() {
        return kind;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public String getTitle() {
        return title;
    }

    public Marking getMarking() {
        return marking;
    }

    public WorkflowState getState() {
        return state;
    }

    public int getNumber() {
        return number;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The title for a reader of {@code language}: in their language when the author gave it, else as written. */
    public String titleIn(String language) {
        return TranslatedText.titleIn(translations, language, title);
    }

    /** The summary for a reader of {@code language}: in their language when the author gave it, else as written. */
    public String summaryIn(String language) {
        return TranslatedText.summaryIn(translations, language, summary);
    }

    /** The language the reader of {@code language} reads the title and summary in (null: as written, language not stated). */
    public String languageFor(String language) {
        return TranslatedText.languageFor(translations, language, this.language);
    }
}
