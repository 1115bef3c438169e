package org.interlink.audit.view;

import org.interlink.audit.entity.AuditEvent;
import org.primefaces.model.LazyDataModel;

/** Audit events paged in the database for a PrimeFaces table: rows are known by the event's id. */
abstract class EventPages extends LazyDataModel<AuditEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getRowKey(AuditEvent event) {
        return String.valueOf(event.getId());
    }

    @Override
    public AuditEvent getRowData(String rowKey) {
        return getWrappedData() == null ? null : getWrappedData().stream()
                .filter(e -> String.valueOf(e.getId()).equals(rowKey)).findFirst().orElse(null);
    }
}
