package com.crossdock.poller;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Prodsmart's dates: ISO 8601, the zone as {@code Z}, {@code +01:00}, {@code +0100} or {@code +01}, or no
 * zone at all, which means the company's zone ("Format daty", prodsmart-api.pl.txt).
 */
final class ProdsmartDates {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private final ZoneId companyZone;

    ProdsmartDates(ZoneId companyZone) {
        this.companyZone = companyZone;
    }

    /** The instant of {@code text}; null for null or blank. */
    Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        TemporalAccessor parsed = FORMAT.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime withZone) {
            return withZone.toInstant();
        }
        if (parsed instanceof LocalDateTime local) {
            return local.atZone(companyZone).toInstant();
        }
        throw new DateTimeParseException("not a Prodsmart date", text, 0);
    }
}
