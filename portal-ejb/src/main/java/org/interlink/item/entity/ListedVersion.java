package org.interlink.item.entity;

import org.interlink.agency.entity.AgencyCode;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Instant;
import java.util.Map;

/**
 * What a list shows of a version, read as values (a constructor expression), not as an entity: the list pages and the
 * API's list page them. Nothing of it is managed, so the transaction neither copies the rows for change tracking nor
 * compares them when it commits (a flight recording of the API's list under load: about 14 % of its time; the lists'
 * rows also outer-joined the kinds' tables). The ids and number are boxed, as the query gives them to the constructor.
 *
 * @param language     the language of the title and summary as written (null: not stated)
 * @param translations the title and summary in other languages, by language, when the list asked for them (else none)
 */
public record ListedVersion(Long versionId, Long itemId, ItemKind kind, AgencyCode ownerCode, String ownerName, Integer number,
        WorkflowState state, String title, String summary, String language, Marking marking, Scope scope, Instant updatedAt,
        Instant publishedAt, Map<String, TranslatedText> translations) {

    /** The query's select and joins ({@code v} the version, {@code i} its item, as the gate asks). */
    public static final String SELECT = "select new " + ListedVersion.class.getName()
            + "(v.id, i.id, i.kind, o.code, o.name, v.number, v.state, v.title, v.summary, v.language, v.marking, v.scope,"
            + " v.updatedAt, v.publishedAt) from ItemVersion v join v.item i join i.owner o";

    public ListedVersion {
        translations = Map.copyOf(translations);
    }

    /** As {@link #SELECT} reads it: without its translations. */
    public ListedVersion(Long versionId, Long itemId, ItemKind kind, AgencyCode ownerCode, String ownerName, Integer number,
            WorkflowState state, String title, String summary, String language, Marking marking, Scope scope, Instant updatedAt,
            Instant publishedAt) {
        this(versionId, itemId, kind, ownerCode, ownerName, number, state, title, summary, language, marking, scope, updatedAt,
                publishedAt, Map.of());
    }

    /** The same row with its title and summary in other languages. */
    public ListedVersion withTranslations(Map<String, TranslatedText> others) {
        return new ListedVersion(versionId, itemId, kind, ownerCode, ownerName, number, state, title, summary, language, marking,
                scope, updatedAt, publishedAt, others);
    }
}
