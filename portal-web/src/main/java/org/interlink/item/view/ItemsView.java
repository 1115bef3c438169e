package org.interlink.item.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.boundary.Items;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemVersion;
import org.interlink.sharing.control.ItemQuery;
import org.interlink.sharing.control.Listing;
import org.interlink.sharing.control.VisibilityGate;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;
import org.omnifaces.cdi.Param;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import jakarta.faces.context.FacesContext;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code items.xhtml}: one list page for every view (all, my agency, shared with my agency, the
 * vetting queue) and kind, paged, sorted and filtered in the database through the gate.
 */
@Named
@ViewScoped
public class ItemsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Items items;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    @Param(name = "view")
    String viewParameter;

    @Inject
    @Param(name = "kind")
    String kindParameter;

    private Listing view;
    private ItemKind kind;
    private LazyDataModel<ItemVersion> model;
    private boolean beyondLimit;

    @PostConstruct
    void init() {
        view = parse(Listing.class, viewParameter, Listing.ALL);
        kind = parse(ItemKind.class, kindParameter, null);
        model = new Pages();
    }

    public LazyDataModel<ItemVersion> getModel() {
        return model;
    }

    /** More items match than the list offers: the page asks for a filter. */
    public boolean isBeyondLimit() {
        return beyondLimit;
    }

    public int getLimit() {
        return VisibilityGate.COUNT_LIMIT;
    }

    public Listing getView() {
        return view;
    }

    public ItemKind getKind() {
        return kind;
    }

    /** The key of the page title in the message bundle, e.g. {@code items.title.RECORD}. */
    public String getTitleKey() {
        return view == Listing.ALL && kind != null ? "items.title." + kind : "items.title." + view;
    }

    /** Whether the caller may start an item of this page's kind. */
    public boolean isMayDraft() {
        Caller caller = currentCaller.get();
        return kind != null && caller.activeAgency().isPresent()
                && (caller.hasRole(Role.OFFICIAL) || caller.hasRole(Role.LIAISON));
    }

    public List<WorkflowState> getStates() {
        return List.of(WorkflowState.values());
    }

    public List<Marking> getMarkings() {
        return List.of(Marking.values());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
        try {
            return text == null || text.isBlank() ? fallback : Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /**
     * The page of versions the table shows; PrimeFaces asks for the count and one page at a time.
     * It may ask more than once while rendering one response: the answers of this request are
     * remembered, so the database is asked once.
     */
    final class Pages extends LazyDataModel<ItemVersion> {

        private static final long serialVersionUID = 1L;

        private transient Object answeredRequest;
        private transient Map<Question, Object> answers;

        /** At most the newest {@link VisibilityGate#COUNT_LIMIT}; the page says when there are more. */
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            ItemQuery query = query(Map.of(), filterBy);
            long count = (Long) answer(new Question(query, -1, -1), () -> items.count(currentCaller.get(), query));
            beyondLimit = count > VisibilityGate.COUNT_LIMIT;
            return (int) Math.min(count, VisibilityGate.COUNT_LIMIT);
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<ItemVersion> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            ItemQuery query = query(sortBy, filterBy);
            return (List<ItemVersion>) answer(new Question(query, first, pageSize),
                    () -> items.list(currentCaller.get(), query, first, pageSize));
        }

        private Object answer(Question question, Supplier<Object> ask) {
            Object request = FacesContext.getCurrentInstance();
            if (request != answeredRequest || answers == null) {
                answeredRequest = request;
                answers = new HashMap<>();
            }
            return answers.computeIfAbsent(question, q -> ask.get());
        }

        @Override
        public String getRowKey(ItemVersion version) {
            return String.valueOf(version.getId());
        }

        @Override
        public ItemVersion getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(v -> String.valueOf(v.getId()).equals(rowKey)).findFirst().orElse(null);
        }

        private ItemQuery query(Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            ItemQuery.Order order = ItemQuery.Order.UPDATED;
            boolean ascending = false;
            for (SortMeta sort : sortBy.values()) {
                order = switch (sort.getField()) {
                    case "title" -> ItemQuery.Order.TITLE;
                    case "marking" -> ItemQuery.Order.MARKING;
                    case "state" -> ItemQuery.Order.STATE;
                    case "publishedAt" -> ItemQuery.Order.PUBLISHED;
                    default -> ItemQuery.Order.UPDATED;
                };
                ascending = sort.getOrder() == SortOrder.ASCENDING;
            }
            return new ItemQuery(view, kind, parse(WorkflowState.class, filter(filterBy, "state"), null),
                    parse(Marking.class, filter(filterBy, "marking"), null), filter(filterBy, "title"), order, ascending);
        }

        private String filter(Map<String, FilterMeta> filterBy, String field) {
            FilterMeta meta = filterBy.get(field);
            return meta == null || meta.getFilterValue() == null ? null : meta.getFilterValue().toString();
        }
    }

    /** What the table asked the boundary: a count (first = -1) or a page. */
    private record Question(ItemQuery query, int first, int size) {
    }
}
