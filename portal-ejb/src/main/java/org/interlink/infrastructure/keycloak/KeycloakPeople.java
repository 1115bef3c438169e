package org.interlink.infrastructure.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.interlink.caller.control.People;
import org.interlink.caller.entity.Person;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Username;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.Optional;

/**
 * The people of the realm, for grants that name people ({@link People}): found by their exact username, checked by
 * their id. Service accounts (a client's user) are no people and are never found. Registered with {@link People}
 * when the application starts: the rules ask {@link People} and never talk to Keycloak themselves.
 */
@ApplicationScoped
public class KeycloakPeople implements People.Directory {

    @Inject
    KeycloakRealm keycloak;

    @Inject
    People people;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        people.use(this);
    }

    @Override
    public Optional<Person> find(Username username) {
        return keycloak.call(realm -> realm.users().searchByUsername(username.value(), true).stream()
                .filter(user -> username.value().equalsIgnoreCase(user.getUsername()))
                .filter(KeycloakPeople::isPerson)
                .findFirst()
                .map(user -> new Person(new PersonId(user.getId()), new Username(user.getUsername()))));
    }

    @Override
    public boolean exists(PersonId id) {
        return keycloak.call(realm -> {
            try {
                return isPerson(realm.users().get(id.value()).toRepresentation());
            } catch (NotFoundException gone) {
                return false;
            }
        });
    }

    /** A person's account, not a client's service account. */
    static boolean isPerson(UserRepresentation user) {
        return user.getServiceAccountClientId() == null && !user.getUsername().startsWith("service-account-");
    }
}
