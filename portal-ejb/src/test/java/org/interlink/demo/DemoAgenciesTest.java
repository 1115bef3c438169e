package org.interlink.demo;

import org.interlink.agency.entity.AgencyCode;
import org.interlink.caller.entity.Role;
import org.interlink.devstack.RealmDefinition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal's demo agencies and personas and the demo realm's Organizations and users are the same. */
class DemoAgenciesTest {

    @Test
    void everyDemoAgencyIsAnOrganizationOfTheDemoRealmAndBack() {
        List<String> organizations = new ArrayList<>();
        RealmDefinition.withDemo().get("organizations").forEach(org -> organizations.add(org.get("alias").asText()));

        List<String> agencies = DemoData.AGENCIES.stream().map(DemoData.DemoAgency::code).toList();

        assertThat(agencies).containsExactlyInAnyOrderElementsOf(organizations);
        agencies.forEach(code -> assertThat(AgencyCode.of(code).value()).isEqualTo(code));
    }

    @Test
    void demoAgencyNamesAreTheOrganizationNames() {
        RealmDefinition.withDemo().get("organizations").forEach(org -> assertThat(DemoData.AGENCIES)
                .anySatisfy(agency -> {
                    assertThat(agency.code()).isEqualTo(org.get("alias").asText());
                    assertThat(agency.name()).isEqualTo(org.get("name").asText());
                }));
    }

    @Test
    void demoPersonasAreTheDemoUsersOfTheRealm() {
        assertThat(DemoData.PERSONAS).hasSameSizeAs(RealmDefinition.demoUsers());
        for (RealmDefinition.DemoUser user : RealmDefinition.demoUsers()) {
            DemoData.DemoPersona persona = DemoData.persona(user.username());
            assertThat(persona.name()).isEqualTo(user.displayName());
            assertThat(persona.id()).as("the id the demo realm gives " + user.username()).isEqualTo(user.id());
            assertThat(persona.roles().stream().map(Role::claim).toList())
                    .containsExactlyInAnyOrderElementsOf(user.roles());
            assertThat(persona.agencies()).containsExactlyInAnyOrderElementsOf(user.agencies());
        }
    }
}
