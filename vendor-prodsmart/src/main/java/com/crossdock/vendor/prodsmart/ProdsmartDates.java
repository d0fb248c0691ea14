package com.crossdock.vendor.prodsmart;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
            Instant usual = utcSeconds(value);
            if (usual != null) {
                return usual;
            }
            try {
                return Instant.parse(value); // read without trying the other forms (issue 15's profile)
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

    /**
     * The form every Prodsmart webhook's triggered-at has, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, read digit by digit:
     * the same instant {@link Instant#parse} gives, for a fifth of its work (it runs for every webhook at the edge:
     * issue 15's profile). Null for anything else (another form, a field out of range, a leap second), which the
     * general readings then take or refuse.
     */
    static Instant utcSeconds(String value) {
        int length = value.length();
        if (length < 20 || length > 30 || length == 21 || value.charAt(length - 1) != 'Z' || value.charAt(4) != '-' || value.charAt(7) != '-'
                || value.charAt(10) != 'T' || value.charAt(13) != ':' || value.charAt(16) != ':') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        int hour = digits(value, 11, 2);
        int minute = digits(value, 14, 2);
        int second = digits(value, 17, 2);
        int nano = 0;
        if (length > 20) {
            if (value.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(value, 20, length - 21);
            if (fraction < 0) {
                return null;
            }
            nano = fraction;
            for (int i = length - 21; i < 9; i++) {
                nano *= 10;
            }
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The number the {@code count} digits at {@code from} write; -1 when one is not a digit. */
    private static int digits(String value, int from, int count) {
        int number = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
