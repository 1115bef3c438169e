package org.interlink.sharing.boundary;

import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.server.Server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Counts the SQL statements EclipseLink sends while a piece of work runs on the calling thread: a listener on the
 * persistence unit's server session (the sessions of each transaction copy its listeners) sees every call before it
 * is executed. Other threads (timers, the notifier) are not counted.
 */
@Singleton
public class SqlStatements {

    private static final ThreadLocal<List<String>> COUNTING = new ThreadLocal<>();

    @PersistenceUnit(unitName = "interlink")
    EntityManagerFactory emf;

    private volatile boolean listening;

    /** The statements {@code work} sent, in order. */
    public List<String> of(Supplier<?> work) {
        listen();
        List<String> sent = new ArrayList<>();
        COUNTING.set(sent);
        try {
            work.get();
        } finally {
            COUNTING.remove();
        }
        return sent;
    }

    private synchronized void listen() {
        if (listening) {
            return;
        }
        // the container wraps the factory: unwrapped, it is EclipseLink's
        Server session = emf.unwrap(JpaEntityManagerFactory.class).getServerSession();
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void preExecuteCall(SessionEvent event) {
                List<String> sent = COUNTING.get();
                if (sent != null && event.getCall() instanceof DatabaseCall call) {
                    sent.add(call.getSQLString());
                }
            }
        });
        listening = true;
    }
}
