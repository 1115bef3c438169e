package org.interlink.caller.entity;

import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    private static final Username USER = new Username("multi.liaison");
    private static final Agency MOI = agency("iq-moi", "Iraq Ministry of Interior");
    private static final Agency IOM = agency("iom-iq", "IOM Iraq");
    private static final Agency BPC = agency("iq-bpc", "Iraqi Border Points Commission");

    @Test
    void withOneAgencyThatAgencyIsActive() {
        Caller caller = Caller.resolve(USER, "Nadia", List.of(Role.LIAISON), List.of(IOM), Optional.empty());

        assertThat(caller.activeAgency()).contains(IOM);
        assertThat(caller.mustChooseAgency()).isFalse();
        assertThat(caller.canSwitchAgency()).isFalse();
    }

    @Test
    void withSeveralAgenciesTheCallerMustChooseFirst() {
        Caller caller = Caller.resolve(USER, "Nadia", List.of(Role.LIAISON), List.of(IOM, BPC), Optional.empty());

        assertThat(caller.activeAgency()).isEmpty();
        assertThat(caller.mustChooseAgency()).isTrue();
        assertThat(caller.canSwitchAgency()).isTrue();
    }

    @Test
    void theChoiceOfTheSessionMakesThatAgencyActive() {
        Caller caller = Caller.resolve(USER, "Nadia", List.of(Role.LIAISON), List.of(IOM, BPC), Optional.of(BPC.getCode()));

        assertThat(caller.activeAgency()).contains(BPC);
        assertThat(caller.mustChooseAgency()).isFalse();
    }

    @Test
    void aChoiceOfAnAgencyTheCallerNoLongerBelongsToIsIgnored() {
        Caller caller = Caller.resolve(USER, "Nadia", List.of(Role.LIAISON), List.of(IOM, BPC), Optional.of(MOI.getCode()));

        assertThat(caller.activeAgency()).isEmpty();
        assertThat(caller.mustChooseAgency()).isTrue();
    }

    @Test
    void aCallerSwitchesOnlyToAnAgencyTheyBelongTo() {
        Caller caller = Caller.resolve(USER, "Nadia", List.of(Role.LIAISON), List.of(IOM, BPC), Optional.of(IOM.getCode()));

        assertThat(caller.actingFor(BPC.getCode()).activeAgency()).contains(BPC);
        assertThatThrownBy(() -> caller.actingFor(MOI.getCode()))
                .isInstanceOf(NotAMemberOfAgency.class)
                .hasMessageContaining("multi.liaison is not a member of the agency \"iq-moi\"");
    }

    @Test
    void aSuspendedAgencyDoesNotCount() {
        Agency suspended = agency("iq-bpc", "Iraqi Border Points Commission");
        suspended.suspend();

        Caller caller = Caller.resolve(USER, "Nadia", List.of(Role.LIAISON), List.of(IOM, suspended), Optional.of(suspended.getCode()));

        assertThat(caller.agencies()).containsExactly(IOM);
        assertThat(caller.activeAgency()).contains(IOM);
        assertThatThrownBy(() -> caller.actingFor(suspended.getCode())).isInstanceOf(NotAMemberOfAgency.class);
    }

    @Test
    void onlyAPlatformAdministratorMayBeWithoutAgency() {
        Caller official = Caller.resolve(new Username("lost.official"), "Lost", List.of(Role.OFFICIAL), List.of(), Optional.empty());
        Caller admin = Caller.resolve(new Username("platform.admin"), "Paul", List.of(Role.PLATFORM_ADMIN), List.of(), Optional.empty());

        assertThat(official.isWithoutAgency()).isTrue();
        assertThat(admin.isWithoutAgency()).isFalse();
        assertThat(admin.activeAgency()).isEmpty();
        assertThat(admin.mustChooseAgency()).isFalse();
    }

    @Test
    void rolesComeInDeclarationOrderAndTheNameFallsBackToTheUsername() {
        Caller caller = Caller.resolve(USER, " ", List.of(Role.VETTER, Role.OFFICIAL), List.of(MOI), Optional.empty());

        assertThat(caller.roles()).containsExactly(Role.OFFICIAL, Role.VETTER);
        assertThat(caller.hasRole(Role.VETTER)).isTrue();
        assertThat(caller.hasRole(Role.AUDITOR)).isFalse();
        assertThat(caller.displayName()).isEqualTo("multi.liaison");
    }

    @Test
    void rolesAreReadFromTheirClaimNames() {
        assertThat(Role.fromClaim("agency-admin")).contains(Role.AGENCY_ADMIN);
        assertThat(Role.fromClaim("default-roles-interlink")).isEmpty();
    }

    private static Agency agency(String code, String name) {
        return new Agency(AgencyCode.of(code), name, AgencyKind.MINISTRY, "IQ", Instant.parse("2026-01-01T00:00:00Z"));
    }
}
