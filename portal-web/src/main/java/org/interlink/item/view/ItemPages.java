package org.interlink.item.view;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.item.entity.CountedPage;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.ListedVersion;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The page of versions a table shows — a list or search results — paged, sorted and filtered in the
 * database through the gate; PrimeFaces asks for the count and one page at a time. It may ask more
 * than once while rendering one response: the answers of this request are remembered, so the
 * database is asked once. The table's sort and column filters narrow the page's own query; the
 * last query asked is what an export of "this list" exports. The rows are {@link ItemRow}s, not
 * entities: the model lives in the view, and keeps its last page. A list found beyond the limit a moment ago in the
 * session is not counted again ({@link ListCounts}).
 */
final class ItemPages extends LazyDataModel<ItemRow> {

    private static final long serialVersionUID = 1L;

    private final SharedItems items;
    private final CurrentCaller currentCaller;
    private final ListCounts counts;
    private final ItemQuery base;
    /** How many rows the base query has, when the page knows it already (a search's facets counted them). */
    private final Long knownCount;
    private ItemQuery asked;
    private boolean beyondLimit;
    /** This request's count is the one kept as beyond the limit ({@link ListCounts}), not read now. */
    private boolean countKept;

    ItemPages(SharedItems items, CurrentCaller currentCaller, ListCounts counts, ItemQuery base) {
        this(items, currentCaller, counts, base, null);
    }

    ItemPages(SharedItems items, CurrentCaller currentCaller, ListCounts counts, ItemQuery base, Long knownCount) {
        this.items = items;
        this.currentCaller = currentCaller;
        this.counts = counts;
        this.base = base;
        this.knownCount = knownCount;
        this.asked = base;
    }

    /**
     * At most the newest {@link ItemQuery#COUNT_LIMIT}; {@link #isBeyondLimit()} says when there are more. When the table
     * asks as it renders (it asks for its page next), the count and that page are read together, in one transaction
     * and one audit event ({@link SharedItems#page}).
     */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        ItemQuery query = query(Map.of(), filterBy);
        long count;
        countKept = false;
        DataTable table = renderingTable();
        if (knownCount != null && query.equals(base)) {
            count = knownCount;
        } else if (counts.beyondLimit(currentCaller.get(), query)) {
            // found beyond the limit a moment ago: its rows are read as the table asks (load), not counted again
            count = ItemQuery.COUNT_LIMIT + 1;
            countKept = true;
        } else if (table != null) {
            ItemQuery sorted = query(table.getActiveSortMeta(), filterBy);
            int first = table.getFirst();
            int size = table.getRows();
            count = (Long) answer(new Question(sorted, -1, -1), () -> {
                Instant began = counts.now();
                CountedPage page = items.page(currentCaller.get(), sorted, first, size);
                answers().put(new Question(sorted, first, size), rows(page.rows()));
                counts.counted(currentCaller.get(), query, page.count(), began);
                return page.count();
            });
        } else {
            count = (Long) answer(new Question(query, -1, -1), () -> countNow(query));
        }
        beyondLimit = count > ItemQuery.COUNT_LIMIT;
        return (int) Math.min(count, ItemQuery.COUNT_LIMIT);
    }

    /** How many rows the query has now (up to the limit and one more), remembered in the session's {@link ListCounts}. */
    private long countNow(ItemQuery query) {
        Instant began = counts.now();
        long counted = items.count(currentCaller.get(), query);
        counts.counted(currentCaller.get(), query, counted, began);
        return counted;
    }

    /** The table this model is the value of, when it is asking while it renders; else null. */
    private DataTable renderingTable() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && UIComponent.getCurrentComponent(faces) instanceof DataTable table && table.getValue() == this
                ? table
                : null;
    }

    /**
     * The page's rows. A page short of rows within the limit, of a list whose count was kept as beyond it, shows the
     * list has shrunk since (an agreement ended, a share was withdrawn): it is counted again at once, so the paginator
     * and the note are right.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<ItemRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        ItemQuery query = query(sortBy, filterBy);
        asked = query;
        List<ItemRow> rows = (List<ItemRow>) answer(new Question(query, first, pageSize),
                () -> rows(items.listed(currentCaller.get(), query, first, pageSize, true)));
        if (countKept && rows.size() < pageSize && first + pageSize <= ItemQuery.COUNT_LIMIT) {
            countKept = false;
            // counted now: ListCounts keeps this count over the older one
            long count = countNow(query(Map.of(), filterBy));
            beyondLimit = count > ItemQuery.COUNT_LIMIT;
            setRowCount((int) Math.min(count, ItemQuery.COUNT_LIMIT));
        }
        return rows;
    }

    /** The rows in the language of the page being rendered, labelled from its messages. */
    private static List<ItemRow> rows(List<ListedVersion> versions) {
        if (versions.isEmpty()) {
            return List.of();
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale reader = faces.getViewRoot().getLocale();
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        return versions.stream().map(version -> ItemRow.of(version, reader, msg)).toList();
    }

    /** More rows match than the table offers: the page asks for a filter. */
    boolean isBeyondLimit() {
        return beyondLimit;
    }

    /** The query of the rows the table shows now, with its sort and filters. */
    ItemQuery asked() {
        return asked;
    }

    private Object answer(Question question, Supplier<Object> ask) {
        Map<Question, Object> answers = answers();
        Object known = answers.get(question);
        if (known == null) {
            // not computeIfAbsent: asking may remember a second answer (the page read with the count)
            known = ask.get();
            answers.put(question, known);
        }
        return known;
    }

    /**
     * This request's answers to this model: kept with the request (keyed by the model, which has the identity's equality
     * of every data model), so the model keeps neither them nor the request.
     */
    @SuppressWarnings("unchecked")
    private Map<Question, Object> answers() {
        return (Map<Question, Object>) FacesContext.getCurrentInstance().getAttributes()
                .computeIfAbsent(this, key -> new HashMap<Question, Object>());
    }

    @Override
    public String getRowKey(ItemRow row) {
        return String.valueOf(row.versionId());
    }

    @Override
    public ItemRow getRowData(String rowKey) {
        return getWrappedData() == null
                ? null
                : getWrappedData().stream()
                        .filter(row -> String.valueOf(row.versionId()).equals(rowKey)).findFirst().orElse(null);
    }

    private ItemQuery query(Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        ItemQuery query = base;
        for (SortMeta sort : sortBy.values()) {
            query = query.ordered(switch (sort.getField()) {
                case "title" -> ItemQuery.Order.TITLE;
                case "marking" -> ItemQuery.Order.MARKING;
                case "state" -> ItemQuery.Order.STATE;
                case "publishedAt" -> ItemQuery.Order.PUBLISHED;
                default -> ItemQuery.Order.UPDATED;
            }, sort.getOrder() == SortOrder.ASCENDING);
        }
        String state = filter(filterBy, "state");
        String marking = filter(filterBy, "marking");
        String title = filter(filterBy, "title");
        if (state != null) {
            query = query.inState(ItemsView.parse(WorkflowState.class, state, null));
        }
        if (marking != null) {
            query = query.marked(ItemsView.parse(Marking.class, marking, null));
        }
        if (title != null) {
            query = query.titled(title);
        }
        return query;
    }

    private static String filter(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta meta = filterBy.get(field);
        return meta == null || meta.getFilterValue() == null ? null : meta.getFilterValue().toString();
    }

    /** What the table asked the boundary: a count (first = -1) or a page. */
    private record Question(ItemQuery query, int first, int size) {
    }

}
