package org.interlink.records.entity;

import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import org.interlink.item.entity.ItemContent;
import org.interlink.item.entity.ItemVersion;
import org.interlink.sharing.entity.Coverage;

import java.time.LocalDate;

/** A version of a migration-management record. */
@Entity
@Table(name = "record_version")
@DiscriminatorValue("RECORD")
@PrimaryKeyJoinColumn(name = "id")
public class RecordVersion extends ItemVersion {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", nullable = false, length = 40)
    private RecordType type;

    @Column(name = "reference_date")
    private LocalDate referenceDate;

    @Column(length = 200)
    private String location;

    private Long quantity;

    @Column(length = 100)
    private String category;

    @Column(name = "document_number", length = 100)
    private String documentNumber;

    @Column(length = 2)
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_reliability", length = 1)
    private SourceReliability reliability;

    @Column(name = "information_accuracy")
    private Integer accuracy;

    protected RecordVersion() {
    }

    @Override
    protected void apply(ItemContent content) {
        RecordContent record = (RecordContent) content;
        this.type = record.type();
        this.referenceDate = record.referenceDate();
        this.location = RecordContent.trimmed(record.location());
        this.quantity = record.quantity();
        this.category = RecordContent.trimmed(record.category());
        this.documentNumber = RecordContent.trimmed(record.documentNumber());
        this.country = RecordContent.trimmed(record.country());
        this.reliability = record.reliability();
        this.accuracy = record.accuracy();
    }

    @Override
    protected Coverage covers() {
        return Coverage.valueOf(type.name());
    }

    @Override
    public RecordContent content() {
        return new RecordContent(type, getTitle(), getSummary(), referenceDate, location, quantity, category,
                documentNumber, country, reliability, accuracy);
    }

    @Override
    protected void describe(JsonObjectBuilder snapshot) {
        snapshot.add("type", type.name());
        if (referenceDate != null) {
            snapshot.add("referenceDate", referenceDate.toString());
        }
        add(snapshot, "location", location);
        if (quantity != null) {
            snapshot.add("quantity", quantity);
        }
        add(snapshot, "category", category);
        add(snapshot, "documentNumber", documentNumber);
        add(snapshot, "country", country);
        if (reliability != null) {
            snapshot.add("sourceReliability", reliability.name());
        }
        if (accuracy != null) {
            snapshot.add("informationAccuracy", accuracy);
        }
    }

    private static void add(JsonObjectBuilder snapshot, String name, String value) {
        if (value != null) {
            snapshot.add(name, value);
        }
    }

    public SourceReliability getReliability() {
        return reliability;
    }

    public Integer getAccuracy() {
        return accuracy;
    }

    public RecordType getType() {
        return type;
    }

    public LocalDate getReferenceDate() {
        return referenceDate;
    }

    public String getLocation() {
        return location;
    }

    public Long getQuantity() {
        return quantity;
    }

    public String getCategory() {
        return category;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getCountry() {
        return country;
    }
}
