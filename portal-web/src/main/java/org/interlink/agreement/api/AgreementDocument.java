package org.interlink.agreement.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.interlink.agreement.entity.Agreement;
import org.interlink.agreement.entity.AgreementParty;
import org.interlink.agreement.entity.AgreementStatus;
import org.interlink.agreement.entity.PurposeOfUse;
import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A data-sharing agreement: its terms, its parties with their signatures, and its status on the day asked. */
@Schema(name = "Agreement")
public record AgreementDocument(long id, String reference, String title, AgreementStatus status, List<Party> parties, String community,
        Set<PurposeOfUse> purposes, Set<Coverage> coverage, Marking highestMarking, LocalDate validFrom, LocalDate validUntil,
        String draftedBy, String suspendedBy, String documentName, String documentSha256) {

    static AgreementDocument of(Agreement agreement, LocalDate today) {
        return new AgreementDocument(agreement.getId(), agreement.getReference(), agreement.getTitle(), agreement.status(today),
                agreement.getParties().stream().map(Party::of).toList(),
                agreement.getCommunity() == null ? null : agreement.getCommunity().getCode().value(), agreement.getPurposes(),
                agreement.getCoverage(), agreement.getHighestMarking(), agreement.getValidFrom(), agreement.getValidUntil(),
                agreement.getDraftedBy(), agreement.getSuspendedBy() == null ? null : agreement.getSuspendedBy().getCode().value(),
                agreement.getDocumentName(), agreement.getDocumentSha256());
    }

    /** A party: its agency, and who signed for it when (none yet: it has not countersigned). */
    @Schema(name = "AgreementParty")
    public record Party(String agency, String signedBy, Instant signedAt) {

        static Party of(AgreementParty party) {
            return new Party(party.getAgency().getCode().value(), party.getSignedBy(), party.getSignedAt());
        }
    }
}
