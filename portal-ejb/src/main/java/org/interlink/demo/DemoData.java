package org.interlink.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.control.AgencyRegistration;
import org.interlink.agency.control.CommunityRegistration;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;
import org.interlink.agreement.boundary.Agreements;
import org.interlink.caller.control.People;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Person;
import org.interlink.caller.entity.PersonId;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.notification.boundary.Notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Seeds the demo agencies, communities and items once, on the first start of an empty database
 * (later starts find the agencies and leave everything alone). Agency codes are the aliases of the
 * Keycloak Organizations in {@code realm-config}'s demo overlay and the personas are its demo users;
 * a test keeps them in step. Items are created through the boundaries, as the personas would.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    /** The demo agencies of the founding case. */
    public static final List<DemoAgency> AGENCIES = List.of(
            new DemoAgency("iq-moi", "Iraq Ministry of Interior", AgencyKind.MINISTRY, "IQ"),
            new DemoAgency("iom-iq", "IOM Iraq", AgencyKind.INTERNATIONAL_ORGANISATION, "IQ"),
            new DemoAgency("interpol", "INTERPOL", AgencyKind.LAW_ENFORCEMENT, null),
            new DemoAgency("au-dibp", "Australian Department of Immigration and Border Protection", AgencyKind.DONOR, "AU"),
            new DemoAgency("iq-bpc", "Iraqi Border Points Commission", AgencyKind.MINISTRY, "IQ"));

    /** The demo users of the realm, as the portal sees them (roles, agencies). */
    public static final List<DemoPersona> PERSONAS = List.of(
            new DemoPersona("moi.official", "e41f7731-9d4b-5023-80be-0ee28769949f", "Karim Al-Saadi", List.of(Role.OFFICIAL),
                    List.of("iq-moi")),
            new DemoPersona("moi.vetter", "97a89559-381d-54b0-b825-31f2be23377c", "Huda Jabbar", List.of(Role.OFFICIAL, Role.VETTER),
                    List.of("iq-moi")),
            new DemoPersona("moi.admin", "01d3c457-b138-5ab0-b698-dccdb0684e6b", "Sami Rashid", List.of(Role.OFFICIAL, Role.AGENCY_ADMIN),
                    List.of("iq-moi")),
            new DemoPersona("iom.liaison", "34f939c6-70a6-521a-a787-18900e6ac427", "Claire Martin", List.of(Role.LIAISON),
                    List.of("iom-iq")),
            new DemoPersona("iom.vetter", "02165537-b311-59ed-8069-2b241520bfd9", "Omar Haddad", List.of(Role.LIAISON, Role.VETTER),
                    List.of("iom-iq")),
            new DemoPersona("interpol.liaison", "54373e83-2516-5960-9adb-0dc3b6335e96", "Julien Moreau", List.of(Role.LIAISON),
                    List.of("interpol")),
            new DemoPersona("donor.observer", "3ee95b9a-93ca-5192-9de6-73ab719b04fe", "Emma Walsh", List.of(Role.OFFICIAL),
                    List.of("au-dibp")),
            new DemoPersona("moi.auditor", "f91b6509-fc00-5ebf-ae21-b9119a5dd9e3", "Layla Hassan", List.of(Role.AUDITOR),
                    List.of("iq-moi")),
            new DemoPersona("platform.admin", "57628686-0566-5e52-a627-ee556f046a9d", "Paul Okafor", List.of(Role.PLATFORM_ADMIN),
                    List.of()),
            new DemoPersona("multi.liaison", "365795d2-58e1-57ee-8159-9aa34c81096c", "Nadia Kareem", List.of(Role.LIAISON),
                    List.of("iom-iq", "iq-bpc")),
            new DemoPersona("iom.admin", "92856697-f2cd-5b83-9393-ed3776be1c4f", "Farah Nouri", List.of(Role.LIAISON, Role.AGENCY_ADMIN),
                    List.of("iom-iq")),
            new DemoPersona("interpol.admin", "0f5f0073-a31b-5cb6-bb76-9e850d95cd39", "Lucas Bernard",
                    List.of(Role.LIAISON, Role.AGENCY_ADMIN), List.of("interpol")),
            new DemoPersona("donor.admin", "4f88e0a2-b9c5-5009-95cd-884ca6388437", "James Porter",
                    List.of(Role.OFFICIAL, Role.AGENCY_ADMIN),
                    List.of("au-dibp")));

    /** The domain of the demo users' e-mail addresses in the realm's demo overlay. */
    public static final String DEMO_MAIL_DOMAIN = "interlink.test";

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "interlink.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    Agencies agencies;

    @Inject
    AgencyRegistration registration;

    @Inject
    CommunityRegistration communities;

    @Inject
    DemoItems items;

    @Inject
    DemoAgreements demoAgreements;

    @Inject
    People people;

    @Inject
    Notifications notifications;

    @Inject
    Agreements agreements;

    @PostConstruct
    void seed() {
        if (!enabled) {
            return;
        }
        PERSONAS.forEach(persona -> people.know(persona.person()));
        if (agencies.count() > 0) {
            // a demo database from before the agreements' register gets the demo's agreements (the items are there)
            demoAgreements.seedIfNone(this);
            return;
        }
        for (DemoAgency demo : AGENCIES) {
            registration.register(AgencyCode.of(demo.code()), demo.name(), demo.kind(), demo.country());
        }
        communities.register(AgencyCode.of("cb-programme"), "Capacity-building programme",
                agencies(List.of("iq-moi", "iom-iq", "au-dibp", "iq-bpc")));
        communities.register(AgencyCode.of("border-wg"), "Border data-sharing working group",
                agencies(List.of("iq-moi", "iq-bpc", "interpol", "iom-iq")));
        // the personas as if each had signed in once (with the realm's demo addresses), so that the demo's changes notify them
        for (DemoPersona persona : PERSONAS) {
            notifications.signedIn(as(persona.username(), null), persona.username() + "@" + DEMO_MAIL_DOMAIN);
        }
        demoAgreements.seedIfNone(this);
        items.seed(this);
        notifications.notifyOverdue(LocalDate.now(clock));
        agreements.remindEnding(LocalDate.now(clock));
        LOG.info("demo agencies, communities, people and items seeded");
    }

    /** A persona as the caller it is when acting for {@code agency}. */
    public Caller as(String username, String agency) {
        DemoPersona persona = persona(username);
        return Caller.resolve(persona.person().id(), new Username(persona.username()), persona.name(), persona.roles(),
                agencies(persona.agencies()),
                Optional.ofNullable(agency).map(AgencyCode::of));
    }

    private List<Agency> agencies(List<String> codes) {
        return agencies.withCodes(codes.stream().map(AgencyCode::of).toList());
    }

    public static DemoPersona persona(String username) {
        return PERSONAS.stream().filter(p -> p.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no persona " + username));
    }

    /** One demo agency: code (= Keycloak Organization alias), name, kind, country (none if international). */
    public record DemoAgency(String code, String name, AgencyKind kind, String country) {
    }

    /**
     * One demo user: username, their id in the demo realm (fixed there, so that grants naming them hold before
     * Keycloak is asked), name, roles, agency codes.
     */
    public record DemoPersona(String username, String id, String name, List<Role> roles, List<String> agencies) {

        public Person person() {
            return new Person(new PersonId(id), new Username(username));
        }
    }
}
