package com.crossdock.vendor.prodsmart;

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
 * Prodsmart's dates (prodsmart-api.pl.txt, "Format daty"): ISO 8601, the zone written {@code Z}, {@code +01:00},
 * {@code +0100} or {@code +01}; a date-time without a zone is a time in the company's zone as set in Prodsmart
 * ({@code 2020-07-20T09:15:15} "is shown in the company's zone"), so the zone is configuration
 * ({@link ProdsmartProperties#timeZone()}), never the server's default. A bare date ({@code 2023-01-20}, as the
 * list filters such as {@code start-date-before} take) is the start of that day in the company's zone.
 */
public final class ProdsmartDates {

    /** A date, optionally a time, and only after a time an optional offset: a bare date never carries one. */
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendPattern("[XXX][XX][X]").optionalEnd()
            .optionalEnd()
            .toFormatter();

    private final ZoneId companyZone;

    public ProdsmartDates(ZoneId companyZone) {
        this.companyZone = companyZone;
    }

    public ZoneId companyZone() {
        return companyZone;
    }

    /**
     * The instant {@code text} names.
     *
     * @throws IllegalArgumentException when it is not a Prodsmart date (null and blank included)
     */
    public Instant parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is not an ISO-8601 date: it is empty");
        }
        String value = text.trim();
        if (value.endsWith("Z")) {
            try {
                return Instant.parse(value); // the usual form, read without trying the others (issue 15's profile)
            } catch (DateTimeParseException e) {
                // e.g. a date with a Z but no time: the general reading below refuses it with its message
            }
        }
        try {
            TemporalAccessor parsed = FORMAT.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof OffsetDateTime withOffset) {
                return withOffset.toInstant();
            }
            if (parsed instanceof LocalDateTime local) {
                return local.atZone(companyZone).toInstant();
            }
            return ((LocalDate) parsed).atStartOfDay(companyZone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not an ISO-8601 date: " + value, e);
        }
    }
}
