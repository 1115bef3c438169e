package org.interlink.infrastructure.faces;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class InstantConverterTest {

    private static final Instant AT = Instant.parse("2026-11-28T08:11:00Z");

    @Test
    void englishKeepsTheAuditTrailsForm() {
        assertThat(InstantConverter.format(AT, Locale.ENGLISH)).isEqualTo("2026-11-28 08:11 UTC");
        assertThat(InstantConverter.parse("2026-11-28 08:11 UTC", Locale.ENGLISH)).isEqualTo(AT);
    }

    @Test
    void arabicHasArabicDigitsAndFrenchItsOwnFormatBothInUtcAndBothReadBack() {
        Locale arabic = Locale.forLanguageTag("ar");
        Locale french = Locale.forLanguageTag("fr");
        String inArabic = InstantConverter.format(AT, arabic);
        String inFrench = InstantConverter.format(AT, french);

        assertThat(inArabic).contains("٢٠٢٦").endsWith("UTC").doesNotContain("2026");
        assertThat(inFrench).contains("28 nov. 2026").contains("08:11").endsWith("UTC");
        assertThat(InstantConverter.parse(inArabic, arabic)).isEqualTo(AT);
        assertThat(InstantConverter.parse(inFrench, french)).isEqualTo(AT);
        assertThat(InstantConverter.parse("2026-11-28 08:11 UTC", arabic)).as("the fixed form is read in any language").isEqualTo(AT);
        assertThat(InstantConverter.parse("  ", arabic)).isNull();
    }
}
