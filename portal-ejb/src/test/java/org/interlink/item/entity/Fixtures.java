package org.interlink.item.entity;

import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;
import org.interlink.agency.entity.Community;
import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.caller.entity.Username;
import org.interlink.recommendation.entity.RecommendationContent;
import org.interlink.records.entity.RecordContent;
import org.interlink.records.entity.RecordType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Agencies, people and content for the rule tests, named after the demo personas. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    public static final Agency MOI = agency("iq-moi", "Iraq Ministry of Interior", AgencyKind.MINISTRY);
    public static final Agency IOM = agency("iom-iq", "IOM Iraq", AgencyKind.INTERNATIONAL_ORGANISATION);
    public static final Agency INTERPOL = agency("interpol", "INTERPOL", AgencyKind.LAW_ENFORCEMENT);
    public static final Agency DONOR = agency("au-dibp", "Australian Department of Immigration and Border Protection", AgencyKind.DONOR);
    public static final Community CAPACITY_BUILDING = new Community(AgencyCode.of("cb-programme"),
            "Capacity-building programme", List.of(MOI, IOM, DONOR));

    private Fixtures() {
    }

    public static Caller person(String username, Agency agency, Role... roles) {
        return Caller.resolve(new Username(username), username, List.of(roles), List.of(agency), Optional.empty());
    }

    public static RecordContent figures(String title) {
        return new RecordContent(RecordType.DISPLACEMENT_FIGURES, title, "Displaced since January 2014",
                LocalDate.parse("2026-10-31"), "Iraq", 3_180_000L, null, null, null);
    }

    public static RecommendationContent recommendation(String title, Agency addressee) {
        return new RecommendationContent(title, "Enhance the border-management information-sharing mechanism", addressee, null);
    }

    private static Agency agency(String code, String name, AgencyKind kind) {
        return new Agency(AgencyCode.of(code), name, kind, null, NOW);
    }
}
