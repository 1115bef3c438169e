package org.interlink.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.interlink.agency.boundary.Agencies;
import org.interlink.agency.control.AgencyRegistration;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;

import java.util.List;
import java.util.logging.Logger;

/**
 * Seeds the demo agencies once (they are skipped when present). Their codes are the aliases of the
 * Keycloak Organizations in {@code realm-config}'s demo overlay; a test keeps the two in step.
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

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "interlink.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    Agencies agencies;

    @Inject
    AgencyRegistration registration;

    @PostConstruct
    void seed() {
        if (!enabled) {
            return;
        }
        for (DemoAgency demo : AGENCIES) {
            AgencyCode code = AgencyCode.of(demo.code());
            if (agencies.find(code).isEmpty()) {
                registration.register(code, demo.name(), demo.kind(), demo.country());
                LOG.info(() -> "demo agency registered: " + code);
            }
        }
    }

    /** One demo agency: code (= Keycloak Organization alias), name, kind, country (none if international). */
    public record DemoAgency(String code, String name, AgencyKind kind, String country) {
    }
}
