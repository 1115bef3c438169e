package org.interlink.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.interlink.agreement.boundary.AgreementForm;
import org.interlink.agreement.boundary.Agreements;
import org.interlink.agreement.entity.PurposeOfUse;
import org.interlink.caller.entity.Caller;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's data-sharing agreements, drafted and countersigned by the agencies' administrators through the register:
 * the Ministry with IOM (every kind, up to TLP:AMBER+STRICT) and with INTERPOL (incidents, document alerts, procedures
 * and meeting outcomes, up to TLP:RED, ending in {@value #INTERPOL_DAYS_LEFT} days), and the Ministry with the Australian
 * donor, signed two years ago and expired, so that {@code donor.observer} reads only TLP:CLEAR items. The Border Points
 * Commission has none yet: it too reads only other agencies' TLP:CLEAR items.
 */
@Stateless
public class DemoAgreements {

    /** The MoI–INTERPOL agreement ends this many days after the demo was seeded (the register warns 30 days before). */
    public static final int INTERPOL_DAYS_LEFT = 25;

    @Inject
    Agreements agreements;

    @Inject
    Clock clock;

    public void seedIfNone(DemoData demo) {
        Caller moiAdmin = demo.as("moi.admin", "iq-moi");
        if (!agreements.visibleTo(moiAdmin).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<Coverage> everything = List.of(Coverage.values());
        long iom = agreements.draft(moiAdmin, form("DSA-MOI-IOM-2026", "Ministry of Interior – IOM Iraq: border management and protection",
                "iom-iq", everything, Marking.AMBER_STRICT, today.minusYears(1), today.plusYears(2),
                List.of(PurposeOfUse.BORDER_MANAGEMENT, PurposeOfUse.HUMANITARIAN_RESPONSE, PurposeOfUse.POLICY_AND_ANALYSIS,
                        PurposeOfUse.REPORTING_TO_MANAGEMENT)))
                .getId();
        agreements.countersign(demo.as("iom.admin", "iom-iq"), iom);
        long interpol = agreements.draft(moiAdmin,
                form("DSA-MOI-INTERPOL-2026", "Ministry of Interior – INTERPOL: travel documents and border crime",
                        "interpol",
                        List.of(Coverage.BORDER_INCIDENT, Coverage.TRAVEL_DOCUMENT_ALERT, Coverage.SOP, Coverage.MEETING_OUTCOME),
                        Marking.RED, today.minusMonths(6), today.plusDays(INTERPOL_DAYS_LEFT),
                        List.of(PurposeOfUse.CRIMINAL_INVESTIGATION, PurposeOfUse.BORDER_MANAGEMENT)))
                .getId();
        agreements.countersign(demo.as("interpol.admin", "interpol"), interpol);
        agreements.registerSignedEarlier(moiAdmin, demo.as("donor.admin", "au-dibp"), form("DSA-MOI-AU-2024",
                "Ministry of Interior – Australian DIBP: capacity-building programme", "au-dibp",
                List.of(Coverage.DISPLACEMENT_FIGURES, Coverage.SOP, Coverage.TRAINING_REPORT, Coverage.EQUIPMENT,
                        Coverage.RECOMMENDATION, Coverage.MEETING_OUTCOME),
                Marking.AMBER, today.minusYears(2), today.minusMonths(5),
                List.of(PurposeOfUse.POLICY_AND_ANALYSIS, PurposeOfUse.REPORTING_TO_MANAGEMENT)), today.minusYears(2));
    }

    private static AgreementForm form(String reference, String title, String partner, List<Coverage> coverage, Marking highest,
            LocalDate from, LocalDate until, List<PurposeOfUse> purposes) {
        AgreementForm form = new AgreementForm();
        form.setReference(reference);
        form.setTitle(title);
        form.setAgencies(new ArrayList<>(List.of(partner)));
        form.setCoverage(new ArrayList<>(coverage));
        form.setHighestMarking(highest);
        form.setValidFrom(from);
        form.setValidUntil(until);
        form.setPurposes(new ArrayList<>(purposes));
        return form;
    }
}
