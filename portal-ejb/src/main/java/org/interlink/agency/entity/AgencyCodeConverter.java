package org.interlink.agency.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link AgencyCode} as its text. */
@Converter(autoApply = true)
public class AgencyCodeConverter implements AttributeConverter<AgencyCode, String> {

    @Override
    public String convertToDatabaseColumn(AgencyCode code) {
        return code == null ? null : code.value();
    }

    @Override
    public AgencyCode convertToEntityAttribute(String value) {
        return value == null ? null : AgencyCode.of(value);
    }
}
