package org.interlink.item.view;

import org.interlink.infrastructure.faces.InstantConverter;
import org.interlink.item.entity.ListedVersion;
import org.interlink.item.entity.TranslatedText;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * One row of a list or of search results: what the row shows of the version read ({@link ListedVersion}), in the
 * reader's language. The table keeps its page of rows in the view — in the session, and in a cluster in
 * every node's copy of it — so the rows hold no entity: an entity read in a transaction carries that transaction's
 * unit of work with it (about 1.1 MB per signed-in session in run N of the benchmark).
 * <p>
 * Every text is made once, as the row is read: the title and summary in the reader's language, the labels of kind,
 * marking and state, the time. A row of the page then evaluates plain properties only; a flight recording of the list
 * under load found EL's method calls ({@code 'kind.'.concat(v.kind)}, {@code v.titleIn(language.tag)}, a dozen per
 * row) a fifth of the page's time.
 */
public final class ItemRow implements Serializable {

    private static final long serialVersionUID = 2L;
    /** How much of the summary a search result shows. */
    static final int SNIPPET = 160;

    private final long versionId;
    private final long itemId;
    private final String kindLabel;
    private final String ownerName;
    private final String title;
    private final String snippet;
    private final String language;
    private final Marking marking;
    private final String markingHelp;
    private final WorkflowState state;
    private final String stateLabel;
    private final int number;
    private final Instant updatedAt;
    private final String updated;

    private ItemRow(ListedVersion version, Locale reader, ResourceBundle msg) {
        String tag = reader.toLanguageTag();
        Map<String, TranslatedText> translations = version.translations();
        versionId = version.versionId();
        itemId = version.itemId();
        kindLabel = msg.getString("kind." + version.kind().name());
        ownerName = version.ownerName();
        title = TranslatedText.titleIn(translations, tag, version.title());
        String summary = TranslatedText.summaryIn(translations, tag, version.summary());
        snippet = summary == null || summary.length() <= SNIPPET ? summary : summary.substring(0, SNIPPET) + "…";
        language = TranslatedText.languageFor(translations, tag, version.language());
        marking = version.marking();
        markingHelp = msg.getString("marking.help." + marking.name());
        state = version.state();
        stateLabel = msg.getString("state." + state.name());
        number = version.number();
        updatedAt = version.updatedAt();
        updated = InstantConverter.format(updatedAt, reader);
    }

    /** The row of {@code version} for a reader of the pages in {@code reader}'s language, labelled from the pages' {@code msg}. */
    static ItemRow of(ListedVersion version, Locale reader, ResourceBundle msg) {
        return new ItemRow(version, reader, msg);
    }

    /** The version's id: a row's key (a list may show two versions of one item). */
    long versionId() {
        return versionId;
    }

    public long getItemId() {
        return itemId;
    }

    public String getKindLabel() {
        return kindLabel;
    }

    public String getOwnerName() {
        return ownerName;
    }

    /** The title in the reader's language when the author gave it, else as written. */
    public String getTitle() {
        return title;
    }

    /** The summary in the reader's language when the author gave it, else as written; its first {@value #SNIPPET} characters. */
    public String getSnippet() {
        return snippet;
    }

    /** The language the title and summary are in (null: as written, language not stated). */
    public String getLanguage() {
        return language;
    }

    public Marking getMarking() {
        return marking;
    }

    public String getMarkingCss() {
        return marking.cssName();
    }

    public String getMarkingLabel() {
        return marking.label();
    }

    public String getMarkingHelp() {
        return markingHelp;
    }

    public WorkflowState getState() {
        return state;
    }

    public String getStateLabel() {
        return stateLabel;
    }

    public int getNumber() {
        return number;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** When the version last changed, as the pages show a time ({@link InstantConverter}). */
    public String getUpdated() {
        return updated;
    }
}
