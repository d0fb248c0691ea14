package com.crossdock.operator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The dead-letter filters shared by {@code dlt show} and {@code dlt replay}. */
final class FilterOptions {

    @Option(names = "--key", description = "Only records with this key (repeatable)")
    List<String> keys = new ArrayList<>();

    @Option(names = "--failure-class", description = "Only this failure class, full or simple name (repeatable)")
    List<String> failureClasses = new ArrayList<>();

    @Option(names = "--event-type", description = "Only this crossdock.event-type header, e.g. OrderPlaced (repeatable)")
    List<String> eventTypes = new ArrayList<>();

    @Option(names = "--partition", description = "Only this partition of the dead-letter topic (repeatable)")
    List<Integer> partitions = new ArrayList<>();

    @Option(names = "--from-time", converter = InstantConverter.class, description = "Dead-lettered at or after, ISO-8601 (2026-01-31T10:00:00Z)")
    Instant fromTime;

    @Option(names = "--to-time", converter = InstantConverter.class, description = "Dead-lettered at or before, ISO-8601")
    Instant toTime;

    @Option(names = "--from-offset", description = "Lowest dead-letter offset, inclusive")
    Long fromOffset;

    @Option(names = "--to-offset", description = "Highest dead-letter offset, inclusive")
    Long toOffset;

    /** The filter, or a usage error (exit code 2) when it can match nothing by construction. */
    RecordFilter filter() {
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw new OperatorException(ExitCodes.USAGE, "bad filter: --from-time " + fromTime + " is after --to-time " + toTime);
        }
        if (fromOffset != null && toOffset != null && fromOffset > toOffset) {
            throw new OperatorException(ExitCodes.USAGE, "bad filter: --from-offset " + fromOffset + " is above --to-offset " + toOffset);
        }
        if (fromOffset != null && fromOffset < 0 || toOffset != null && toOffset < 0) {
            throw new OperatorException(ExitCodes.USAGE, "bad filter: offsets are never negative");
        }
        return new RecordFilter(List.copyOf(keys), List.copyOf(failureClasses), List.copyOf(eventTypes), List.copyOf(partitions),
                fromTime, toTime, fromOffset, toOffset);
    }

    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 instant such as 2026-01-31T10:00:00Z");
            }
        }
    }
}
