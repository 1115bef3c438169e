package org.interlink.records.entity;

import org.interlink.agency.entity.Agency;
import org.interlink.item.entity.InvalidContent;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemKind;
import org.interlink.item.entity.ItemVersion;
import org.interlink.sharing.entity.Sharing;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The content of a migration-management record: its type, title, summary and the structured
 * fields its type requires (e.g. displacement figures: reference date, location, number of people).
 */
public record RecordContent(RecordType type, String title, String summary, LocalDate referenceDate, String location,
        Long quantity, String category, String documentNumber, String country, SourceReliability reliability, Integer accuracy)
        implements
            ItemContent {

    /** A record whose source and information are not graded. */
    public RecordContent(RecordType type, String title, String summary, LocalDate referenceDate, String location, Long quantity,
            String category, String documentNumber, String country) {
        this(type, title, summary, referenceDate, location, quantity, category, documentNumber, country, null, null);
    }

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    @Override
    public ItemKind kind() {
        return ItemKind.RECORD;
    }

    @Override
    public ItemVersion createVersion() {
        return new RecordVersion();
    }

    @Override
    public void check(Agency owner, Sharing sharing) {
        if (type == null) {
            throw new InvalidContent("Choose the type of record.");
        }
        for (RecordField field : type.required()) {
            if (!has(field)) {
                throw new InvalidContent("A " + type.label().toLowerCase() + " needs its " + type.labelOf(field) + ".");
            }
        }
        if (quantity != null && quantity < 0) {
            throw new InvalidContent("The " + type.labelOf(RecordField.QUANTITY) + " cannot be negative.");
        }
        if (accuracy != null && (accuracy < 1 || accuracy > 4)) {
            throw new InvalidContent("Grade the accuracy of the information from 1 (known without reservation) to 4 (cannot be judged).");
        }
        if (country != null && !country.isBlank() && !COUNTRY.matcher(country).matches()) {
            throw new InvalidContent("Give the " + type.labelOf(RecordField.COUNTRY) + " as its two-letter code, e.g. IQ.");
        }
    }

    private boolean has(RecordField field) {
        return switch (field) {
            case REFERENCE_DATE -> referenceDate != null;
            case LOCATION -> present(location);
            case QUANTITY -> quantity != null;
            case CATEGORY -> present(category);
            case DOCUMENT_NUMBER -> present(documentNumber);
            case COUNTRY -> present(country);
        };
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** Blank texts count as absent. */
    static String trimmed(String text) {
        return Objects.isNull(text) || text.isBlank() ? null : text.trim();
    }
}
