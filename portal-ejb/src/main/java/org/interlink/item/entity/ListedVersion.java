package org.interlink.item.entity;

import org.interlink.agency.entity.AgencyCode;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Scope;
import org.interlink.workflow.entity.WorkflowState;

import java.time.Instant;

/**
 * What a list names of a version, read as values (a constructor expression), not as an entity: the API's list pages
 * it. Nothing of it is managed, so the transaction neither copies the rows for change tracking nor compares them when
 * it commits (a flight recording of the API's list under load: about 14 % of its time). The id and number are boxed, as
 * the query gives them to the constructor.
 */
public record ListedVersion(Long itemId, ItemKind kind, AgencyCode ownerCode, String ownerName, Integer number, WorkflowState state,
        String title, Marking marking, Scope scope, Instant updatedAt, Instant publishedAt) {

    /** The query's select and joins ({@code v} the version, {@code i} its item, as the gate asks). */
    public static final String SELECT = "select new " + ListedVersion.class.getName()
            + "(i.id, i.kind, o.code, o.name, v.number, v.state, v.title, v.marking, v.scope, v.updatedAt, v.publishedAt)"
            + " from ItemVersion v join v.item i join i.owner o";
}
