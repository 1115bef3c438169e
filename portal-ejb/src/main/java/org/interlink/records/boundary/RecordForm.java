package org.interlink.records.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.interlink.item.boundary.ItemForm;
import org.interlink.item.entity.ItemKind;
import org.interlink.records.entity.RecordContent;
import org.interlink.records.entity.RecordType;
import org.interlink.records.entity.RecordVersion;
import org.interlink.records.entity.SourceReliability;

import java.time.LocalDate;

/** The record form: its type and the structured fields (which ones a type requires: {@link RecordType}). */
public class RecordForm extends ItemForm {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "Choose the type of record.")
    private RecordType type;

    private LocalDate referenceDate;

    @Size(max = 200, message = "A location has at most 200 characters.")
    private String location;

    @PositiveOrZero(message = "A number cannot be negative.")
    private Long quantity;

    @Size(max = 100, message = "At most 100 characters.")
    private String category;

    @Size(max = 100, message = "A document number has at most 100 characters.")
    private String documentNumber;

    @Size(max = 2, message = "Give the country as its two-letter code, e.g. IQ.")
    private String country;

    /** How reliable the source is (A–C, X: cannot be judged); none: not graded. */
    private SourceReliability reliability;

    /** How accurate the information is (1–4); none: not graded. */
    private Integer accuracy;

    public static RecordForm of(RecordVersion version) {
        RecordForm form = new RecordForm();
        form.fillFrom(version);
        form.type = version.getType();
        form.referenceDate = version.getReferenceDate();
        form.location = version.getLocation();
        form.quantity = version.getQuantity();
        form.category = version.getCategory();
        form.documentNumber = version.getDocumentNumber();
        form.country = version.getCountry();
        form.reliability = version.getReliability();
        form.accuracy = version.getAccuracy();
        return form;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.RECORD;
    }

    @Override
    public RecordContent content(Names names) {
        return new RecordContent(type, getTitle(), getSummary(), referenceDate, location, quantity, category,
                documentNumber, country == null ? null : country.trim().toUpperCase(), reliability, accuracy);
    }

    public SourceReliability getReliability() {
        return reliability;
    }

    public void setReliability(SourceReliability reliability) {
        this.reliability = reliability;
    }

    public Integer getAccuracy() {
        return accuracy;
    }

    public void setAccuracy(Integer accuracy) {
        this.accuracy = accuracy;
    }

    public RecordType getType() {
        return type;
    }

    public void setType(RecordType type) {
        this.type = type;
    }

    public LocalDate getReferenceDate() {
        return referenceDate;
    }

    public void setReferenceDate(LocalDate referenceDate) {
        this.referenceDate = referenceDate;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public Long getQuantity() {
        return quantity;
    }

    public void setQuantity(Long quantity) {
        this.quantity = quantity;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }
}
