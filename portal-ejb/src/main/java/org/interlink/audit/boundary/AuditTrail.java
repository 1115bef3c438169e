package org.interlink.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.interlink.audit.control.AuditGate;
import org.interlink.audit.control.ChainVerifier;
import org.interlink.audit.control.HeadExport;
import org.interlink.audit.entity.AuditAction;
import org.interlink.audit.entity.AuditChainHead;
import org.interlink.audit.entity.AuditEvent;
import org.interlink.audit.entity.AuditFilter;
import org.interlink.audit.entity.AuditHash;
import org.interlink.audit.entity.AuditOutcome;
import org.interlink.audit.entity.ChainVerification;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.infrastructure.export.SpreadsheetCsv;
import org.interlink.infrastructure.persistence.SchemaMigration;
import org.interlink.item.entity.ItemId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auditors' view of the audit trail. An auditor of an agency sees every event about their
 * agency's items (reads by other agencies included) and every event of their agency's people — but for
 * their refusals of other agencies' items, of which they see their agency's own record, which says no
 * more than the person was told (a missing and an invisible item alike); a platform administrator sees all. Anybody else sees nothing, and the attempt is recorded. Looking
 * into the trail is itself recorded (SEARCH, EXPORT, VERIFY).
 */
@Stateless
public class AuditTrail {

    /** The most rows one CSV export holds; narrow the filter for more. */
    public static final int EXPORT_LIMIT = 50_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditGate audit;

    @Inject
    HeadExport heads;

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    /** Long chains are verified in ranges at once. */
    @Resource
    ManagedExecutorService executor;

    public List<AuditEvent> events(Caller caller, AuditFilter filter, int first, int max) {
        if (!mayAudit(caller)) {
            audit.record(caller, AuditAction.SEARCH, AuditOutcome.DENIED, null, null, "audit trail: " + filter);
            return List.of();
        }
        audit.record(caller, AuditAction.SEARCH, AuditOutcome.ALLOWED, null, null, "audit trail: " + filter + " rows " + first + "+" + max);
        return query(caller, filter).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(Caller caller, AuditFilter filter) {
        if (!mayAudit(caller)) {
            return 0;
        }
        Where where = where(caller, filter);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEvent e where " + where.jpql, Long.class);
        where.parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** The events as CSV (at most {@link #EXPORT_LIMIT}), the export itself recorded. */
    public String exportCsv(Caller caller, AuditFilter filter) {
        if (!mayAudit(caller)) {
            audit.record(caller, AuditAction.EXPORT, AuditOutcome.DENIED, null, null, "audit trail CSV: " + filter);
            return "";
        }
        List<AuditEvent> events = query(caller, filter).setMaxResults(EXPORT_LIMIT).getResultList();
        audit.record(caller, AuditAction.EXPORT, AuditOutcome.ALLOWED, null, null, "audit trail CSV: " + filter + ", "
                + events.size() + " events");
        return SpreadsheetCsv.of(List.of("time_utc", "chain", "seq", "actor", "actor_agency", "action", "item", "item_owner",
                "outcome", "client_address", "user_agent", "purpose", "details", "hash"),
                events.stream()
                        .map(e -> {
                            boolean link = showsLink(caller, e);
                            return Arrays.asList(AuditHash.format(e.getAt()), link ? e.getChain() : null, link ? e.getSeq() : null,
                                    e.getActor(), e.getActorAgency(), e.getAction(), e.getItemId(), e.getItemOwner(), e.getOutcome(),
                                    e.getClientAddress(), e.getUserAgent(), e.getPurpose(), e.getDetails(), link ? e.getHash() : null);
                        }).toList());
    }

    /**
     * Whether the caller sees where the event sits in its chain (chain, place, hash): in their own agency's chains
     * (a platform administrator: all). An event of their people in another agency's chain — a read of that
     * agency's item — is shown without it: the gaps between its places would count the other agency's events,
     * e.g. the record of a refused read that tells that agency, and nobody else, that an item exists.
     */
    public static boolean showsLink(Caller caller, AuditEvent event) {
        return caller.hasRole(Role.PLATFORM_ADMIN) || caller.activeAgency()
                .map(a -> a.getCode().value().equals(AuditChainHead.ownerOf(event.getChain()))).orElse(false);
    }

    /**
     * Who outside the owner agency read the caller's agency's items (or one of them), when and why:
     * views, history and downloads by other agencies' people, newest first.
     */
    public List<AuditEvent> accessReport(Caller caller, Optional<ItemId> item, int first, int max) {
        if (!mayReport(caller)) {
            audit.record(caller, AuditAction.SEARCH, AuditOutcome.DENIED, null, null, "access report");
            return List.of();
        }
        audit.record(caller, AuditAction.SEARCH, AuditOutcome.ALLOWED, null, null, "access report"
                + item.map(i -> " of item " + i).orElse(" of all items") + " rows " + first + "+" + max);
        TypedQuery<AuditEvent> query = em.createQuery("select e from AuditEvent e where " + READS_BY_PARTNERS
                + (item.isPresent() ? " and e.itemId = :item" : "") + " order by e.at desc, e.id desc", AuditEvent.class);
        bindReport(query, caller, item);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long accessReportCount(Caller caller, Optional<ItemId> item) {
        if (!mayReport(caller)) {
            return 0;
        }
        TypedQuery<Long> query = em.createQuery("select count(e) from AuditEvent e where " + READS_BY_PARTNERS
                + (item.isPresent() ? " and e.itemId = :item" : ""), Long.class);
        bindReport(query, caller, item);
        return query.getSingleResult();
    }

    /** Reads of the agency's items (not of its agreements, which the trail shows) by anyone acting for another agency or none. */
    private static final String READS_BY_PARTNERS = "e.itemOwner = :agency and e.itemId is not null"
            + " and (e.actorAgency is null or e.actorAgency <> :agency) and e.outcome = :allowed and e.action in :reads";

    private static void bindReport(TypedQuery<?> query, Caller caller, Optional<ItemId> item) {
        query.setParameter("agency", caller.activeAgency().orElseThrow().getCode().value())
                .setParameter("allowed", AuditOutcome.ALLOWED)
                .setParameter("reads", List.of(AuditAction.VIEW, AuditAction.HISTORY, AuditAction.DOWNLOAD));
        item.ifPresent(i -> query.setParameter("item", i.value()));
    }

    /** The access report of an agency is for its auditors. */
    public static boolean mayReport(Caller caller) {
        return caller.hasRole(Role.AUDITOR) && caller.activeAgency().isPresent();
    }

    /**
     * Verifies the chains the caller may audit (their agency's; all for a platform administrator)
     * against their heads and the exported heads; records the verification.
     */
    public List<ChainVerification> verify(Caller caller) {
        if (!mayAudit(caller)) {
            audit.record(caller, AuditAction.VERIFY, AuditOutcome.DENIED, null, null, "chain verification");
            return List.of();
        }
        List<ChainVerification> results = new ArrayList<>();
        Map<String, ChainVerifier.ExportedHead> exported = heads.lastExported();
        try (Connection connection = dataSource.getConnection()) {
            for (String chain : ChainVerifier.chains(connection, exported)) {
                if (caller.hasRole(Role.PLATFORM_ADMIN) || caller.activeAgency()
                        .map(a -> a.getCode().value().equals(AuditChainHead.ownerOf(chain))).orElse(false)) {
                    results.add(ChainVerifier.verify(dataSource::getConnection, chain, exported, executor, ChainVerifier.PARTS));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
        audit.record(caller, AuditAction.VERIFY, AuditOutcome.ALLOWED, null, null, results.stream()
                .map(ChainVerification::toString).reduce((a, b) -> a + "; " + b).orElse("no chains"));
        return results;
    }

    /** Auditors of an agency and platform administrators look into the trail. */
    public static boolean mayAudit(Caller caller) {
        return caller.hasRole(Role.PLATFORM_ADMIN) || caller.hasRole(Role.AUDITOR) && caller.activeAgency().isPresent();
    }

    private TypedQuery<AuditEvent> query(Caller caller, AuditFilter filter) {
        Where where = where(caller, filter);
        TypedQuery<AuditEvent> query = em.createQuery("select e from AuditEvent e where " + where.jpql
                + " order by e.at desc, e.id desc", AuditEvent.class);
        where.parameters.forEach(query::setParameter);
        return query;
    }

    private static Where where(Caller caller, AuditFilter filter) {
        StringBuilder jpql = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!caller.hasRole(Role.PLATFORM_ADMIN)) {
            // another agency's refusal of its item stays with that agency: the caller's agency has its own record of it
            // (AuditGate.recordDenied), which tells no more than its person was told
            jpql.append(" and (e.itemOwner = :mine or (e.actorAgency = :mine and (e.itemOwner is null or e.outcome <> :denied)))");
            parameters.put("mine", caller.activeAgency().orElseThrow().getCode().value());
            parameters.put("denied", AuditOutcome.DENIED);
        }
        if (filter.from() != null) {
            jpql.append(" and e.at >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            jpql.append(" and e.at < :to");
            parameters.put("to", filter.to());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            jpql.append(" and lower(e.actor) like :actor escape '\\'");
            parameters.put("actor",
                    "%" + filter.actor().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.agency() != null && !filter.agency().isBlank()) {
            jpql.append(" and (e.actorAgency = :agency or e.itemOwner = :agency)");
            parameters.put("agency", filter.agency().trim());
        }
        if (filter.action() != null) {
            jpql.append(" and e.action = :action");
            parameters.put("action", filter.action());
        }
        if (filter.itemId() != null) {
            jpql.append(" and e.itemId = :item");
            parameters.put("item", filter.itemId());
        }
        if (filter.outcome() != null) {
            jpql.append(" and e.outcome = :outcome");
            parameters.put("outcome", filter.outcome());
        }
        return new Where(jpql.toString(), parameters);
    }

    private record Where(String jpql, Map<String, Object> parameters) {
    }
}
