package org.interlink.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.interlink.audit.entity.AuditChainHead;
import org.interlink.audit.entity.AuditEvent;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last event this server wrote to each audit chain: a hint that saves reading the chain's
 * head before an append. Never trusted: the insert checks in the database that the remembered event
 * is still the chain's last. When it is not (another server of a cluster wrote since, or the
 * transaction that wrote it rolled back), that lane costs one statement more per append until the
 * gate locks it and reads its head again, which puts the hint right.
 */
@ApplicationScoped
public class LaneHeads {

    private final Map<String, AuditChainHead> heads = new ConcurrentHashMap<>();

    public Optional<AuditChainHead> last(String chain) {
        return Optional.ofNullable(heads.get(chain));
    }

    /** Remembers {@code event} as the last of its chain; returns it. */
    public AuditEvent wrote(AuditEvent event) {
        heads.put(event.getChain(), AuditChainHead.at(event.getChain(), event.getSeq(), event.getHash()));
        return event;
    }
}
