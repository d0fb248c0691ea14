package com.crossdock.ingress.prodsmart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Prodsmart dates are ISO 8601; one without a zone is in the company's time zone (prodsmart-api.pl.txt,
 * "Format daty": {@code 2020-07-20T09:15:15} is shown in the company's zone). So the zone is configuration,
 * never the server's default. The offset may be written {@code Z}, {@code +01:00}, {@code +0100} or {@code +01}
 * (same section of the document).
 */
final class ProdsmartDates {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendPattern("[XXX][XX][X]").optionalEnd()
            .toFormatter();

    private ProdsmartDates() {
    }

    static Instant parse(String text, ZoneId companyZone) {
        String value = text.trim();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(companyZone).toInstant();
            }
            TemporalAccessor parsed = FORMAT.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? offset.toInstant()
                    : ((LocalDateTime) parsed).atZone(companyZone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not an ISO-8601 date: " + value, e);
        }
    }
}
