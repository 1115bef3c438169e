package org.interlink.audit.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.audit.boundary.AuditTrail;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.caller.boundary.CurrentCaller;
import org.interlink.item.entity.ItemId;
import org.omnifaces.cdi.Param;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code audit/access.xhtml?item=…}: who outside the agency read its items (or one item), when, and
 * for what purpose — the owner agency's auditors' answer to "who saw what we shared".
 */
@Named
@ViewScoped
public class AccessReportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    @Param(name = "item")
    String itemParameter;

    private LazyDataModel<AuditEvent> model;

    @PostConstruct
    void init() {
        model = new Pages();
    }

    public Optional<ItemId> getItem() {
        return ItemId.parse(itemParameter);
    }

    public LazyDataModel<AuditEvent> getModel() {
        return model;
    }

    /** Partner reads of the agency's items, newest first, one page at a time from the database. */
    final class Pages extends EventPages {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(trail.accessReportCount(currentCaller.get(), getItem()));
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return trail.accessReport(currentCaller.get(), getItem(), first, pageSize);
        }
    }
}
