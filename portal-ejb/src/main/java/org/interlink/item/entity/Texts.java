package org.interlink.item.entity;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The language an item's title and summary are written in, and the same title and summary in other
 * languages of the portal (optional). Readers see their language first.
 *
 * @param language the language of the title and summary ({@code en}, {@code fr}, {@code ar}), or null when not stated
 * @param others   title and summary per other language
 */
public record Texts(String language, Map<String, TranslatedText> others) implements Serializable {

    /** The languages an item's texts may be in: the portal's. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "ar");

    /** Texts whose language is not stated, in no other language. */
    public static Texts none() {
        return new Texts(null, Map.of());
    }

    /**
     * @throws InvalidContent for a language the portal does not speak, a translation into the text's
     *                        own language, or a translation without its title or summary or longer than the original may be
     */
    public Texts {
        if (language != null && !LANGUAGES.contains(language)) {
            throw new InvalidContent("Write the title and summary in English, French or Arabic (en, fr, ar).", "texts.language");
        }
        Map<String, TranslatedText> kept = new LinkedHashMap<>();
        (others == null ? Map.<String, TranslatedText>of() : others).forEach((other, text) -> {
            if (!LANGUAGES.contains(other)) {
                throw new InvalidContent("A translation is into English, French or Arabic (en, fr, ar), not \"" + other + "\".",
                        "texts.language");
            }
            if (other.equals(language)) {
                throw new InvalidContent("The title and summary are already in " + other + "; translate them into another language.",
                        "texts.sameLanguage");
            }
            String title = text == null || text.getTitle() == null ? "" : text.getTitle().trim();
            String summary = text == null || text.getSummary() == null ? "" : text.getSummary().trim();
            if (title.isEmpty() && summary.isEmpty()) {
                return;
            }
            if (title.isEmpty() || summary.isEmpty()) {
                throw new InvalidContent("Give both the title and the summary in " + other + ", or neither.", "texts.half", other);
            }
            if (title.length() > 300 || summary.length() > 4000) {
                throw new InvalidContent("A translated title has at most 300 characters, a summary at most 4000.", "texts.tooLong");
            }
            kept.put(other, new TranslatedText(title, summary));
        });
        others = Map.copyOf(kept);
    }
}
