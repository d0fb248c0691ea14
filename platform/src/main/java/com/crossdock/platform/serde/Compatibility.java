package com.crossdock.platform.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}: BACKWARD (the new schema
 * reads data written with the old), FORWARD (the old reads the new), FULL (both); the transitive levels check
 * every earlier version, the others only the latest.
 */
enum Compatibility {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /** Confluent's default. */
    static final Compatibility DEFAULT = BACKWARD;

    static Optional<Compatibility> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What keeps {@code candidate} from following the earlier versions ({@code earlier}, oldest first). */
    List<String> problems(Schema candidate, List<Schema> earlier) {
        if (this == NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Schema> against = name().endsWith("_TRANSITIVE") ? earlier : List.of(earlier.get(earlier.size() - 1));
        List<String> problems = new ArrayList<>();
        for (Schema old : against) {
            if (this != FORWARD && this != FORWARD_TRANSITIVE) {
                problems.addAll(incompatibilities(candidate, old, "the new schema cannot read data written with an earlier one"));
            }
            if (this != BACKWARD && this != BACKWARD_TRANSITIVE) {
                problems.addAll(incompatibilities(old, candidate, "an earlier schema cannot read data written with the new one"));
            }
        }
        return problems;
    }

    private static List<String> incompatibilities(Schema reader, Schema writer, String what) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult()
                .getIncompatibilities().stream()
                .map(i -> what + ": " + i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .toList();
    }
}
