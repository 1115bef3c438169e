package org.interlink.audit.view;

import org.interlink.audit.entity.AuditEvent;
import org.primefaces.model.LazyDataModel;

import java.util.List;

/**
 * Audit events paged in the database for a PrimeFaces table. Rows are known by their place on the page, never by the
 * event's id: the ids come from one sequence for the whole platform, so the gaps between the ids of one agency's
 * events would count (and time) the events of other agencies — a refused read of an existing item of another agency
 * writes one more event, in its owner's chain, than the refusal of a missing id.
 */
abstract class EventPages extends LazyDataModel<AuditEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getRowKey(AuditEvent event) {
        List<AuditEvent> page = getWrappedData();
        for (int i = 0; page != null && i < page.size(); i++) {
            if (page.get(i) == event) {
                return String.valueOf(i);
            }
        }
        return null;
    }

    @Override
    public AuditEvent getRowData(String rowKey) {
        List<AuditEvent> page = getWrappedData();
        try {
            int i = Integer.parseInt(rowKey);
            return page == null || i < 0 || i >= page.size() ? null : page.get(i);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
