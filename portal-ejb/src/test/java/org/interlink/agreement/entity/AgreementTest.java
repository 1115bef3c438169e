package org.interlink.agreement.entity;

import org.interlink.agency.entity.Agency;
import org.interlink.agency.entity.AgencyCode;
import org.interlink.agency.entity.AgencyKind;
import org.interlink.caller.entity.Username;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of an agreement's life: four eyes across agencies, who suspends and resumes, expiry, the markings it allows. */
class AgreementTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final Agency moi = agency("iq-moi");
    private final Agency iom = agency("iom-iq");
    private final Agency bpc = agency("iq-bpc");

    @Test
    void itIsActiveOnceEveryOtherPartyHasCountersignedAndNeverSignedTwiceForOneAgency() {
        Agreement agreement = draft(List.of(moi, iom, bpc), Marking.AMBER, TODAY.plusYears(1));
        assertThat(agreement.status(TODAY)).isEqualTo(AgreementStatus.DRAFT);
        assertThatThrownBy(() -> agreement.countersign(moi, new Username("moi.other.admin"), null, NOW, TODAY))
                .as("the drafting agency signed when it drafted").isInstanceOf(AgreementRefused.class);
        assertThatThrownBy(() -> agreement.countersign(iom, new Username("moi.admin"), null, NOW, TODAY))
                .as("someone acting for two parties signs for one of them only").isInstanceOf(AgreementRefused.class);
        assertThat(agreement.countersign(iom, new Username("iom.admin"), null, NOW, TODAY)).isFalse();
        assertThatThrownBy(() -> agreement.countersign(iom, new Username("iom.admin2"), null, NOW, TODAY))
                .isInstanceOf(AgreementRefused.class);
        assertThatThrownBy(() -> agreement.countersign(agency("interpol"), new Username("interpol.admin"), null, NOW, TODAY))
                .isInstanceOf(AgreementRefused.class);
        assertThat(agreement.status(TODAY)).isEqualTo(AgreementStatus.DRAFT);
        assertThat(agreement.countersign(bpc, new Username("bpc.admin"), null, NOW, TODAY)).isTrue();
        assertThat(agreement.status(TODAY)).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(agreement.status(TODAY.plusYears(1))).as("its last day").isEqualTo(AgreementStatus.ACTIVE);
        assertThat(agreement.status(TODAY.plusYears(1).plusDays(1))).isEqualTo(AgreementStatus.EXPIRED);
    }

    @Test
    void onlyThePartyThatSuspendedItResumesItAndATerminatedOneStaysTerminated() {
        Agreement agreement = draft(List.of(moi, iom), Marking.GREEN, TODAY.plusYears(1));
        assertThatThrownBy(() -> agreement.suspend(moi, TODAY)).as("a draft is not suspended").isInstanceOf(AgreementRefused.class);
        agreement.countersign(iom, new Username("iom.admin"), null, NOW, TODAY);
        agreement.suspend(iom, TODAY);
        assertThat(agreement.status(TODAY)).isEqualTo(AgreementStatus.SUSPENDED);
        assertThatThrownBy(() -> agreement.resume(moi)).isInstanceOf(AgreementRefused.class);
        assertThatThrownBy(() -> agreement.resume(bpc)).as("not a party").isInstanceOf(AgreementRefused.class);
        agreement.resume(iom);
        assertThat(agreement.status(TODAY)).isEqualTo(AgreementStatus.ACTIVE);
        assertThatThrownBy(() -> agreement.terminate(bpc)).isInstanceOf(AgreementRefused.class);
        agreement.terminate(moi);
        assertThat(agreement.status(TODAY)).isEqualTo(AgreementStatus.TERMINATED);
        assertThatThrownBy(() -> agreement.terminate(iom)).isInstanceOf(AgreementRefused.class);
        assertThatThrownBy(() -> agreement.resume(iom)).isInstanceOf(AgreementRefused.class);
    }

    @Test
    void aDraftWhoseLastDayHasPassedIsNotSignedAndTheMarkingsRunFromGreenToTheHighest() {
        Agreement late = draft(List.of(moi, iom), Marking.RED, TODAY.minusDays(1));
        assertThatThrownBy(() -> late.countersign(iom, new Username("iom.admin"), null, NOW, TODAY)).isInstanceOf(AgreementRefused.class);
        assertThat(late.markings()).containsExactly(Marking.GREEN, Marking.AMBER, Marking.AMBER_STRICT, Marking.RED);
        assertThat(draft(List.of(moi, iom), Marking.AMBER, TODAY).markings()).containsExactly(Marking.GREEN, Marking.AMBER);
        assertThatThrownBy(() -> draft(List.of(iom, bpc), Marking.GREEN, TODAY)).as("the drafting agency is a party")
                .isInstanceOf(InvalidAgreement.class);
        assertThatThrownBy(() -> draft(List.of(moi, moi), Marking.GREEN, TODAY)).as("two parties at least")
                .isInstanceOf(InvalidAgreement.class);
    }

    @Test
    void aCountersignatureNamesTheSignedDocumentItWasGivenTo() {
        Agreement agreement = draft(List.of(moi, iom), Marking.GREEN, TODAY.plusYears(1));
        assertThatThrownBy(() -> agreement.document(iom, "other.pdf", "application/pdf", "b".repeat(64)))
                .as("only the drafting agency attaches the document").isInstanceOf(AgreementRefused.class);
        agreement.document(moi, "signed.pdf", "application/pdf", "a".repeat(64));
        assertThatThrownBy(() -> agreement.countersign(iom, new Username("iom.admin"), null, NOW, TODAY))
                .as("a document it does not name").isInstanceOf(AgreementRefused.class);
        assertThatThrownBy(() -> agreement.countersign(iom, new Username("iom.admin"), "c".repeat(64), NOW, TODAY))
                .as("a document replaced since it was read").isInstanceOf(AgreementRefused.class);
        assertThat(agreement.countersign(iom, new Username("iom.admin"), "a".repeat(64), NOW, TODAY)).isTrue();
    }

    private Agreement draft(List<Agency> parties, Marking highest, LocalDate until) {
        AgreementTerms terms = new AgreementTerms("DSA-TEST", "Test agreement", EnumSet.of(PurposeOfUse.POLICY_AND_ANALYSIS),
                Set.of(Coverage.SOP), highest, TODAY.minusYears(1), until);
        return Agreement.draft(terms, moi, new Username("moi.admin"), parties, null, NOW);
    }

    private static Agency agency(String code) {
        return new Agency(AgencyCode.of(code), code, AgencyKind.MINISTRY, "IQ", NOW);
    }
}
