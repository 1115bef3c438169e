package org.interlink.dashboard.view;

import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.item.boundary.ItemChanged;
import org.interlink.sharing.boundary.DashboardFigures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChartFiguresTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final Agency MOI = agency("iq-moi");
    private static final Agency IOM = agency("iom-iq");

    private final ChartFigures figures = new ChartFigures();
    private int counted;
    /** What happens in another request of the session while the charts are counted. */
    private Runnable meanwhile = () -> {
    };

    @BeforeEach
    void counting() {
        figures.dashboardFigures = new DashboardFigures() {
            @Override
            public Figures of(Caller caller) {
                counted++;
                meanwhile.run();
                return new Figures(Map.of(), Map.of(), Map.of());
            }
        };
        at(START);
    }

    @Test
    void theChartsAreCountedOnceInFiveMinutes() {
        Caller official = caller("moi.official", Optional.empty());
        figures.of(official);
        at(START.plus(Duration.ofMinutes(5)));
        figures.of(official);
        assertThat(counted).as("counted at the first dashboard only, within five minutes").isEqualTo(1);

        at(START.plus(Duration.ofMinutes(5)).plusSeconds(1));
        figures.of(official);
        assertThat(counted).as("counted again once they are older than five minutes").isEqualTo(2);
    }

    @Test
    void anotherAgencyOrPersonIsCountedAtOnce() {
        figures.of(caller("multi.liaison", Optional.of(MOI.getCode())));
        figures.of(caller("multi.liaison", Optional.of(IOM.getCode())));
        assertThat(counted).as("acting for another agency").isEqualTo(2);
        figures.of(caller("other.liaison", Optional.of(IOM.getCode())));
        assertThat(counted).as("another person").isEqualTo(3);
    }

    @Test
    void aChangeInTheSessionIsCountedAtTheNextDashboard() {
        Caller official = caller("moi.official", Optional.empty());
        figures.of(official);
        at(START.plusSeconds(10));
        figures.changed(new ItemChanged(null, null, official));
        figures.of(official);
        assertThat(counted).isEqualTo(2);
    }

    @Test
    void otherRolesAreCountedAtOnce() {
        figures.of(caller("moi.vetter", Optional.empty()));
        figures.of(Caller.resolve(new Username("moi.vetter"), "moi.vetter", List.of(Role.LIAISON, Role.VETTER), List.of(MOI, IOM),
                Optional.empty()));
        assertThat(counted).as("a vetter counts their agency's RED versions").isEqualTo(2);
    }

    @Test
    void countsBegunBeforeAChangeOfTheSessionAreNotKept() {
        Caller official = caller("moi.official", Optional.empty());
        meanwhile = () -> figures.changed(new ItemChanged(null, null, official));
        figures.of(official);
        meanwhile = () -> {
        };
        figures.of(official);
        figures.of(official);
        assertThat(counted).as("counted again after the change, then kept").isEqualTo(2);
    }

    private void at(Instant now) {
        figures.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private static Caller caller(String username, Optional<AgencyCode> actingFor) {
        return Caller.resolve(new Username(username), username, List.of(Role.LIAISON), List.of(MOI, IOM), actingFor);
    }

    private static Agency agency(String code) {
        return new Agency(AgencyCode.of(code), code, AgencyKind.MINISTRY, "IQ", START);
    }
}
