package org.interlink.notification.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.interlink.agency.entity.Agency;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.notification.entity.Recipient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The people the portal knows (from their last sign-in), by agency and role. */
@Stateless
public class Directory {

    @PersistenceContext
    EntityManager em;

    /** Remembers the caller as their token describes them now. */
    public Recipient seen(Caller caller, String email, Instant now) {
        Recipient recipient = findOrAdd(caller.username());
        recipient.seen(caller, email, now);
        return recipient;
    }

    /** Remembers the person as an administrator just set them (no agencies: they are notified of nothing). */
    public Recipient describe(Caller person, String email) {
        Recipient recipient = findOrAdd(person.username());
        recipient.describe(person, email);
        return recipient;
    }

    private Recipient findOrAdd(Username username) {
        return find(username).orElseGet(() -> {
            Recipient created = new Recipient(username);
            em.persist(created);
            return created;
        });
    }

    public Optional<Recipient> find(Username username) {
        return Optional.ofNullable(em.find(Recipient.class, username.value()));
    }

    /** The people of {@code agency} with any of {@code roles}. */
    public List<Recipient> of(Agency agency, Set<Role> roles) {
        return em.createQuery("select r from Recipient r join r.agencies a where a = :agency order by r.username", Recipient.class)
                .setParameter("agency", agency).getResultList().stream().filter(r -> r.hasAnyRole(roles)).toList();
    }
}
