package org.interlink.infrastructure.faces;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Shows every point in time in UTC, as the audit trail records it: in English as
 * {@code 2026-11-28 08:11 UTC}; in the other languages of the pages in their own date format and
 * digits (Arabic: {@code ٢٨‏/١١‏/٢٠٢٦, ٨:١١ ص UTC}). Reads either form back.
 */
@FacesConverter(forClass = Instant.class)
public class InstantConverter implements Converter<Instant> {

    private static final String UTC = " UTC";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        try {
            return parse(value, locale(context));
        } catch (DateTimeParseException e) {
            throw new ConverterException("Give the time as " + FORMAT.format(Instant.now()) + ".", e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : format(value, locale(context));
    }

    /** {@code value} as the pages in {@code locale}'s language show a time. */
    public static String format(Instant value, Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? FORMAT.format(value) : localized(locale).format(value) + UTC;
    }

    static Instant parse(String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return FORMAT.parse(text, Instant::from);
        } catch (DateTimeParseException notTheFixedForm) {
            String local = text.endsWith(UTC.trim()) ? text.substring(0, text.length() - UTC.trim().length()).trim() : text;
            return localized(locale).parse(local, Instant::from);
        }
    }

    private static DateTimeFormatter localized(Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale)).withZone(ZoneOffset.UTC);
    }

    private static Locale locale(FacesContext context) {
        return context.getViewRoot() == null ? Locale.ENGLISH : context.getViewRoot().getLocale();
    }
}
