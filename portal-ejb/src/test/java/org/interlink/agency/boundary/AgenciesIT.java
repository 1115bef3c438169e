package org.interlink.agency.boundary;

import jakarta.inject.Inject;
import org.interlink.Deployments;
import org.interlink.agency.control.AgencyRegistration;
import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyAlreadyRegistered;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Agencies are persisted and listed by the real container (Payara Micro, JTA, EclipseLink) on a
 * real PostgreSQL whose schema Flyway created at deployment.
 */
@ExtendWith(ArquillianExtension.class)
class AgenciesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalEjb(AgenciesIT.class);
    }

    @Inject
    AgencyRegistration registration;

    @Inject
    Agencies agencies;

    @Test
    void aRegisteredAgencyIsPersistedAndFoundByItsCode() {
        Agency registered = registration.register(AgencyCode.of("t-moi"), "Test Ministry of Interior", AgencyKind.MINISTRY, "IQ");

        Agency found = agencies.find(AgencyCode.of("t-moi")).orElseThrow();

        assertThat(found.getId()).isEqualTo(registered.getId()).isPositive();
        assertThat(found.getName()).isEqualTo("Test Ministry of Interior");
        assertThat(found.getKind()).isEqualTo(AgencyKind.MINISTRY);
        assertThat(found.isActive()).isTrue();
        assertThat(found.getCreatedAt()).isNotNull();
    }

    @Test
    void agenciesAreListedByNameInPagesAndCounted() {
        registration.register(AgencyCode.of("t-zulu"), "Zulu Test Agency", AgencyKind.DONOR, "AU");
        registration.register(AgencyCode.of("t-alpha"), "Alpha Test Agency", AgencyKind.LAW_ENFORCEMENT, null);
        long count = agencies.count();

        List<String> names = agencies.page(0, (int) count).stream().map(Agency::getName).toList();

        assertThat(names).hasSize((int) count).isSorted().contains("Alpha Test Agency", "Zulu Test Agency");
        assertThat(agencies.page(1, 1)).hasSize(1).first().extracting(Agency::getName).isEqualTo(names.get(1));
    }

    @Test
    void onlyKnownCodesAreResolved() {
        registration.register(AgencyCode.of("t-iom"), "Test IOM", AgencyKind.INTERNATIONAL_ORGANISATION, null);

        List<Agency> found = agencies.withCodes(List.of(AgencyCode.of("t-iom"), AgencyCode.of("t-unknown")));

        assertThat(found).extracting(a -> a.getCode().value()).containsExactly("t-iom");
        assertThat(agencies.withCodes(List.of())).isEmpty();
    }

    @Test
    void aSecondAgencyWithATakenCodeIsRefusedWithAMessage() {
        registration.register(AgencyCode.of("t-dup"), "Original", AgencyKind.MINISTRY, "IQ");

        assertThatThrownBy(() -> registration.register(AgencyCode.of("t-dup"), "Copy", AgencyKind.MINISTRY, "IQ"))
                .isInstanceOf(AgencyAlreadyRegistered.class)
                .hasMessage("An agency with the code \"t-dup\" is already registered.");
        assertThat(agencies.find(AgencyCode.of("t-dup")).orElseThrow().getName()).isEqualTo("Original");
    }
}
