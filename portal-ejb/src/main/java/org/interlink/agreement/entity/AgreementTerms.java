package org.interlink.agreement.entity;

import org.interlink.sharing.entity.Coverage;
import org.interlink.sharing.entity.Marking;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/** What the parties agree: reference, title, purposes, what it covers, highest marking, first and last day. */
public record AgreementTerms(String reference, String title, Set<PurposeOfUse> purposes, Set<Coverage> coverage,
        Marking highestMarking, LocalDate validFrom, LocalDate validUntil) {

    public static final int MAX_REFERENCE = 40;
    /**
     * Letters, digits and {@code . _ / -}, from a letter or digit: a reference is written into the audit trail beside
     * its drafting agency ("DSA-X of iq-moi"), so it must not itself read like another agreement's ("DSA-X of iq-moi"
     * drafted by another agency) or like a list of agreements.
     */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    public static final int MAX_TITLE = 200;

    /** Refuses terms no agreement can have, saying what is wrong. */
    void validate() {
        if (reference == null || reference.isBlank() || reference.trim().length() > MAX_REFERENCE) {
            throw new InvalidAgreement("Give the agreement a reference of at most " + MAX_REFERENCE + " characters.");
        }
        if (!REFERENCE.matcher(reference.trim()).matches()) {
            throw new InvalidAgreement("Write the agreement's reference with letters, digits and . _ / - only, e.g. DSA-MOI-IOM-2026.");
        }
        if (title == null || title.isBlank() || title.trim().length() > MAX_TITLE) {
            throw new InvalidAgreement("Give the agreement a title of at most " + MAX_TITLE + " characters.");
        }
        if (purposes == null || purposes.isEmpty()) {
            throw new InvalidAgreement("Choose at least one purpose the agreement allows.");
        }
        if (coverage == null || coverage.isEmpty()) {
            throw new InvalidAgreement("Choose at least one kind of item or type of record the agreement covers.");
        }
        if (highestMarking == null || highestMarking == Marking.CLEAR) {
            throw new InvalidAgreement("Choose the highest marking the agreement allows (TLP:CLEAR needs no agreement).");
        }
        if (validFrom == null || validUntil == null || validUntil.isBefore(validFrom)) {
            throw new InvalidAgreement("Give the first and the last day of the agreement, the last not before the first.");
        }
    }
}
