package org.interlink.item.entity;

import org.interlink.caller.entity.Caller;
import org.interlink.caller.entity.Role;
import org.interlink.sharing.entity.Marking;
import org.interlink.sharing.entity.Sharing;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interlink.item.entity.Fixtures.MOI;
import static org.interlink.item.entity.Fixtures.NOW;
import static org.interlink.item.entity.Fixtures.figures;
import static org.interlink.item.entity.Fixtures.person;

/** An item's title and summary in several languages: readers see theirs first, the rules keep the texts whole. */
class TextsTest {

    private final Caller official = person("moi.official", MOI, Role.OFFICIAL);
    private final Caller vetter = person("moi.vetter", MOI, Role.VETTER);
    private final Sharing everyone = Sharing.allMembers(Marking.GREEN);

    @Test
    void aReaderSeesTheirLanguageFirstElseTheTextAsWritten() {
        Texts texts = new Texts("ar", Map.of("en", new TranslatedText("Border figures", "Crossings per month")));
        ItemVersion version = Item.draft(official, figures("أرقام الحدود"), texts, everyone, NOW).current();

        assertThat(version.getLanguage()).isEqualTo("ar");
        assertThat(version.titleIn("en")).isEqualTo("Border figures");
        assertThat(version.summaryIn("en")).isEqualTo("Crossings per month");
        assertThat(version.titleIn("ar")).isEqualTo("أرقام الحدود");
        assertThat(version.titleIn("fr")).as("no French: as written").isEqualTo("أرقام الحدود");
        assertThat(version.languageFor("fr")).isEqualTo("ar");
        assertThat(version.languageFor("en")).isEqualTo("en");
        assertThat(version.snapshot()).contains("\"language\":\"ar\"").contains("Border figures");
    }

    @Test
    void theNextVersionKeepsTheTranslationsAndAnEditWithoutTextsKeepsThemToo() {
        Texts texts = new Texts("en", Map.of("fr", new TranslatedText("Chiffres", "Passages par mois")));
        Item item = Item.draft(official, figures("Figures"), texts, everyone, NOW);
        item.edit(official, figures("Figures, corrected"), everyone, NOW);
        assertThat(item.current().titleIn("fr")).isEqualTo("Chiffres");
        item.submit(official, NOW);
        item.publish(vetter, "Checked", NOW);

        item.startNewVersion(official, NOW);

        assertThat(item.current().getNumber()).isEqualTo(2);
        assertThat(item.current().texts()).isEqualTo(texts);
    }

    @Test
    void anEmptyTranslationIsNoneAndAHalfOneOrOneInTheSameLanguageIsRefused() {
        Map<String, TranslatedText> others = new HashMap<>();
        others.put("fr", new TranslatedText(" ", ""));
        assertThat(new Texts("en", others).others()).isEmpty();

        assertThatThrownBy(() -> new Texts("en", Map.of("fr", new TranslatedText("Titre", " "))))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("both the title and the summary in fr");
        assertThatThrownBy(() -> new Texts("en", Map.of("en", new TranslatedText("Title", "Summary"))))
                .isInstanceOf(InvalidContent.class).hasMessageContaining("already in en");
        assertThatThrownBy(() -> new Texts("de", Map.of())).isInstanceOf(InvalidContent.class);
        assertThatThrownBy(() -> new Texts("en", Map.of("es", new TranslatedText("Título", "Resumen"))))
                .isInstanceOf(InvalidContent.class);
        assertThatThrownBy(() -> new Texts("en", Map.of("fr", new TranslatedText("x".repeat(301), "Résumé"))))
                .isInstanceOf(InvalidContent.class);
    }
}
