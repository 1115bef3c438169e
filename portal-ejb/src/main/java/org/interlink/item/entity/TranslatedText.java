package org.interlink.item.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
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
