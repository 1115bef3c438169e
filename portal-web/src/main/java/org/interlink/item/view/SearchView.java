package org.interlink.item.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.BusinessException;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.infrastructure.faces.BusinessExceptionHandler;
import org.interlink.item.entity.Facets;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.Listing;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.LazyDataModel;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code search.xhtml}: full-text search over everything the caller may read, narrowed by facets
 * (kind, marking, state, owner agency, changed within). Every choice is a request parameter, so a
 * search is a link; the facets and the results come from the database through the gate, and the
 * search is recorded.
 */
@Named
@ViewScoped
public class SearchView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> PARAMETERS = List.of("q", "kind", "marking", "state", "owner", "within");

    @Inject
    SharedItems items;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    ListCounts counts;

    @Inject
    Clock clock;

    // the request's parameters, read once when the view is made (init)
    private String terms;
    private String kind;
    private String marking;
    private String state;
    private String owner;
    private String within;

    private ItemQuery query;
    private ItemPages model;
    private Facets facets;

    @PostConstruct
    void init() {
        // read from the request, not injected by OmniFaces' @Param: each of those looked up the bean manager through a
        // walk of the stack and serialized its value on every page (3 % of a list page's samples for two of them)
        terms = Faces.getRequestParameter("q");
        kind = Faces.getRequestParameter("kind");
        marking = Faces.getRequestParameter("marking");
        state = Faces.getRequestParameter("state");
        owner = Faces.getRequestParameter("owner");
        within = Faces.getRequestParameter("within");
        if (terms == null || terms.isBlank()) {
            return;
        }
        try {
            ItemQuery asked = ItemQuery.of(Listing.ALL).matching(terms)
                    .ofKind(ItemsView.parse(ItemKind.class, kind, null))
                    .marked(ItemsView.parse(Marking.class, marking, null))
                    .inState(ItemsView.parse(WorkflowState.class, state, null))
                    .ownedBy(owner());
            Integer days = getWithinDays();
            query = days == null ? asked : asked.changedAfter(clock.instant().minus(Duration.ofDays(days)));
        } catch (BusinessException refused) {
            Messages.addGlobalError(BusinessExceptionHandler.text(refused));
            return;
        }
        facets = items.facets(currentCaller.get(), query);
        // the facets counted the matches already (up to the limit and one more): the table asks no count of its own
        model = new ItemPages(items, currentCaller, counts, query, facets.total());
    }

    private AgencyCode owner() {
        try {
            return owner == null || owner.isBlank() ? null : AgencyCode.of(owner);
        } catch (BusinessException unknown) {
            return null;
        }
    }

    /** Whether a search ran (terms given and accepted). */
    public boolean isSearched() {
        return query != null;
    }

    public String getTerms() {
        return terms;
    }

    /** Beyond this many matches the facets are not counted and the page asks to narrow the search. */
    public int getLimit() {
        return ItemQuery.COUNT_LIMIT;
    }

    public Facets getFacets() {
        return facets;
    }

    public LazyDataModel<ItemRow> getModel() {
        return model;
    }

    public ItemQuery getQuery() {
        return query;
    }

    /** The chosen "changed within" in days, when it is one of the offered ones. */
    public Integer getWithinDays() {
        return Facets.CHANGED_WITHIN_DAYS.stream().filter(d -> String.valueOf(d).equals(within)).findFirst().orElse(null);
    }

    public List<ItemKind> getKinds() {
        return List.of(ItemKind.values());
    }

    public List<Marking> getMarkings() {
        return List.of(Marking.values());
    }

    public List<WorkflowState> getStates() {
        return List.of(WorkflowState.values());
    }

    /** Whether this facet value is the chosen one (for {@code aria-current} and the look). */
    public boolean chosen(String parameter, Object value) {
        return value != null && String.valueOf(value).equals(current().get(parameter));
    }

    /**
     * The link to this search with one facet set to {@code value} (null: any), the other choices kept;
     * a changed facet starts again at the first page.
     */
    public String link(String parameter, Object value) {
        Map<String, String> parameters = current();
        if (value == null) {
            parameters.remove(parameter);
        } else {
            parameters.put(parameter, String.valueOf(value));
        }
        StringBuilder link = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath())
                .append("/search.xhtml");
        String separator = "?";
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            link.append(separator).append(entry.getKey()).append('=').append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return link.toString();
    }

    private Map<String, String> current() {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> values = Arrays.asList(terms, kind, marking, state, owner, within);
        for (int i = 0; i < PARAMETERS.size(); i++) {
            if (values.get(i) != null && !values.get(i).isBlank()) {
                parameters.put(PARAMETERS.get(i), values.get(i));
            }
        }
        return parameters;
    }

    public void exportCsv() throws IOException {
        export(ItemExport.Format.CSV);
    }

    public void exportPdf() throws IOException {
        export(ItemExport.Format.PDF);
    }

    private void export(ItemExport.Format format) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        String title = faces.getApplication().getResourceBundle(faces, "msg").getString("search.title") + ": " + terms;
        ItemExport.send(items, currentCaller.get(), model.asked(), format, title);
    }
}
