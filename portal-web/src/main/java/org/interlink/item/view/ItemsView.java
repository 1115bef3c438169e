package org.interlink.item.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemQuery;
import org.interlink.item.entity.Listing;
import org.interlink.sharing.boundary.SharedItems;
import org.interlink.sharing.entity.Marking;
import org.interlink.workflow.entity.WorkflowState;
import org.omnifaces.util.Faces;
import org.primefaces.model.LazyDataModel;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * {@code items.xhtml}: one list page for every view (all, my agency, shared with my agency, the
 * vetting queue) and kind, paged, sorted and filtered in the database through the gate.
 */
@Named
@ViewScoped
public class ItemsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SharedItems items;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    ListCounts counts;

    private Listing view;
    private ItemKind kind;
    private ItemPages model;

    @PostConstruct
    void init() {
        // read from the request, not injected by OmniFaces' @Param: each of those looked up the bean manager through a
        // walk of the stack and serialized its value on every page (3 % of a list page's samples for the two)
        view = parse(Listing.class, Faces.getRequestParameter("view"), Listing.ALL);
        kind = parse(ItemKind.class, Faces.getRequestParameter("kind"), null);
        model = new ItemPages(items, currentCaller, counts, ItemQuery.of(view).ofKind(kind));
    }

    public LazyDataModel<ItemRow> getModel() {
        return model;
    }

    /** More items match than the list offers: the page asks for a filter. */
    public boolean isBeyondLimit() {
        return model.isBeyondLimit();
    }

    public int getLimit() {
        return ItemQuery.COUNT_LIMIT;
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

    /** This list as it is filtered and sorted now, as a CSV file (TLP:RED left out). */
    public void exportCsv() throws IOException {
        export(ItemExport.Format.CSV);
    }

    /** This list as it is filtered and sorted now, as a PDF table (TLP:RED left out). */
    public void exportPdf() throws IOException {
        export(ItemExport.Format.PDF);
    }

    private void export(ItemExport.Format format) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        String title = faces.getApplication().getResourceBundle(faces, "msg").getString(getTitleKey());
        ItemExport.send(items, currentCaller.get(), model.asked(), format, title);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
        try {
            return text == null || text.isBlank() ? fallback : Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

}
