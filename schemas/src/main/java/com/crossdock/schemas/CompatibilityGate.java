package com.crossdock.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaValidationException;
import org.apache.avro.SchemaValidator;
import org.apache.avro.SchemaValidatorBuilder;

/**
 * The schema compatibility gate: DESIGN.md requires every canonical schema to be BACKWARD_TRANSITIVE
 * compatible with every earlier version kept in {@code src/history/<RecordName>/v<N>.avsc}, i.e. the
 * current schema, as a reader, must decode data written with any earlier version.
 *
 * <p>Avro's own {@link SchemaValidatorBuilder#canReadStrategy()} with {@code validateAll()} decides;
 * {@link SchemaCompatibility#checkReaderWriterCompatibility} only supplies readable reasons.
 */
public final class CompatibilityGate {

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private static final SchemaValidator BACKWARD_TRANSITIVE =
            new SchemaValidatorBuilder().canReadStrategy().validateAll();

    private CompatibilityGate() {
    }

    /** One earlier version of a schema, as kept in the history directory. */
    public record HistoricSchema(int version, Schema schema) {
        public String label() {
            return "v" + version;
        }
    }

    /**
     * Checks {@code current} against every earlier version.
     *
     * @return one message per incompatibility (which version, where, why); empty when compatible
     */
    public static List<String> check(Schema current, List<HistoricSchema> earlier) {
        List<String> violations = new ArrayList<>();
        for (HistoricSchema version : earlier) {
            List<Incompatibility> reasons = SchemaCompatibility
                    .checkReaderWriterCompatibility(current, version.schema())
                    .getResult().getIncompatibilities();
            for (Incompatibility reason : reasons) {
                violations.add(describe(current, version, reason));
            }
        }
        try {
            BACKWARD_TRANSITIVE.validate(current, earlier.stream().map(HistoricSchema::schema).toList());
        } catch (SchemaValidationException e) {
            if (violations.isEmpty()) {
                violations.add(current.getFullName() + ": not BACKWARD_TRANSITIVE compatible: " + e.getMessage());
            }
        }
        return violations;
    }

    /** Reads every {@code v<N>.avsc} of one record's history directory, ordered by N. */
    public static List<HistoricSchema> loadHistory(Path recordHistoryDir) {
        try (Stream<Path> files = Files.list(recordHistoryDir)) {
            return files
                    .map(file -> VERSION_FILE.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> new HistoricSchema(Integer.parseInt(m.group(1)),
                            parse(recordHistoryDir.resolve(m.group(0)))))
                    .sorted(Comparator.comparingInt(HistoricSchema::version))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list schema history " + recordHistoryDir, e);
        }
    }

    /** Parses one standalone schema file (every named type inlined) with a fresh parser. */
    public static Schema parse(Path schemaFile) {
        try {
            return new Schema.Parser().parse(Files.readString(schemaFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + schemaFile, e);
        }
    }

    private static String describe(Schema current, HistoricSchema version, Incompatibility reason) {
        return String.format("%s: current schema cannot read data written with %s: field %s: %s (at %s): %s",
                current.getFullName(), version.label(), FieldPath.of(current, reason.getLocation()),
                reason.getType(), reason.getLocation(), reason.getMessage());
    }
}
