package org.interlink.audit.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.entity.Agency;
import org.interlink.audit.boundary.AuditTrail;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.audit.entity.AuditFilter;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.audit.entity.ChainVerification;
import org.interlink.caller.boundary.CurrentCaller;
import org.omnifaces.util.Faces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code audit/events.xhtml}: the auditor's workspace — the events of their agency (all events for
 * a platform administrator), filtered and paged in the database, the verification of the chains,
 * and a CSV export. Every look into the trail is itself recorded.
 */
@Named
@ViewScoped
public class EventsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Agencies agencies;

    private LocalDate from;
    private LocalDate to;
    private String actor;
    private String agency;
    private AuditAction action;
    private Long item;
    private AuditOutcome outcome;
    private List<ChainVerification> verification;
    private LazyDataModel<AuditEvent> model;

    @PostConstruct
    void init() {
        model = new Pages();
    }

    public AuditFilter filter() {
        return new AuditFilter(from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                actor, agency == null || agency.isBlank() ? null : agency, action, item, outcome);
    }

    /**
     * Applies the filters: the table starts again at its first page, counted anew (PrimeFaces keeps
     * a lazy model's count, taken while the form was decoded, before the new filters were set).
     */
    public void search() {
        verification = null;
        model = new Pages();
        if (Faces.getViewRoot().findComponent("audit:events") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public void verify() {
        verification = trail.verify(currentCaller.get());
    }

    /** Sends the filtered events as a CSV file; the export is recorded. */
    public void exportCsv() throws IOException {
        byte[] csv = trail.exportCsv(currentCaller.get(), filter()).getBytes(StandardCharsets.UTF_8);
        Faces.sendFile(csv, "interlink-audit-" + LocalDate.now(ZoneOffset.UTC) + ".csv", true);
    }

    /** Whether the event's place in its chain is shown (not for events in another agency's chains). */
    public boolean showsLink(AuditEvent event) {
        return AuditTrail.showsLink(currentCaller.get(), event);
    }

    public LazyDataModel<AuditEvent> getModel() {
        return model;
    }

    public List<Agency> getAgencies() {
        return agencies.all();
    }

    public List<AuditAction> getActions() {
        return List.of(AuditAction.values());
    }

    public List<AuditOutcome> getOutcomes() {
        return List.of(AuditOutcome.values());
    }

    public List<ChainVerification> getVerification() {
        return verification;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAgency() {
        return agency;
    }

    public void setAgency(String agency) {
        this.agency = agency;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public Long getItem() {
        return item;
    }

    public void setItem(Long item) {
        this.item = item;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(AuditOutcome outcome) {
        this.outcome = outcome;
    }

    /** The events of the current filter, newest first, one page at a time from the database. */
    final class Pages extends EventPages {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(Math.min(Integer.MAX_VALUE, trail.count(currentCaller.get(), filter())));
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return trail.events(currentCaller.get(), filter(), first, pageSize);
        }
    }
}
