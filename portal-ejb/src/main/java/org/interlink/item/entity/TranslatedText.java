package org.interlink.item.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/** An item version's title and summary in one more language. */
@Embeddable
public class TranslatedText implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 4000)
    private String summary;

    protected TranslatedText() {
    }

    public TranslatedText(String title, String summary) {
        this.title = title;
        this.summary = summary;
    }

    /** The title for a reader of {@code reader}: in their language when the author gave it, else {@code title} as written. */
    public static String titleIn(Map<String, TranslatedText> translations, String reader, String title) {
        TranslatedText text = translations.get(reader);
        return text == null ? title : text.getTitle();
    }

    /** The summary for a reader of {@code reader}: in their language when the author gave it, else {@code summary} as written. */
    public static String summaryIn(Map<String, TranslatedText> translations, String reader, String summary) {
        TranslatedText text = translations.get(reader);
        return text == null ? summary : text.getSummary();
    }

    /** The language a reader of {@code reader} reads the title and summary in ({@code written}: as written, may be null). */
    public static String languageFor(Map<String, TranslatedText> translations, String reader, String written) {
        return translations.containsKey(reader) ? reader : written;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TranslatedText text && text.title.equals(title) && text.summary.equals(summary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, summary);
    }
}
