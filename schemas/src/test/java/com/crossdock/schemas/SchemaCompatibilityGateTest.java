package com.crossdock.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.OrderFulfilled;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.StockChanged;
import com.crossdock.events.SupplierInvoiceReceived;
import com.crossdock.schemas.CompatibilityGate.HistoricSchema;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's compatibility gate (DESIGN.md "Evolution"): every canonical event schema must read data
 * written with every earlier version kept in src/history (BACKWARD_TRANSITIVE).
 */
class SchemaCompatibilityGateTest {

    private static final Path HISTORY = Path.of("src/history");
    private static final Path AVRO_SOURCES = Path.of("src/main/avro/com/crossdock/events");
    private static final Path FIXTURES = Path.of("src/test/resources");

    /** Named types that are parts of events, not events: they are checked inside every event. */
    private static final List<String> EMBEDDED_TYPES = List.of("Envelope");

    private static final Map<String, Schema> EVENTS = Map.of(
            "StockChanged", StockChanged.getClassSchema(),
            "ProductionOrderChanged", ProductionOrderChanged.getClassSchema(),
            "OrderPlaced", OrderPlaced.getClassSchema(),
            "ArticleUpserted", ArticleUpserted.getClassSchema(),
            "SupplierInvoiceReceived", SupplierInvoiceReceived.getClassSchema(),
            "OrderFulfilled", OrderFulfilled.getClassSchema());

    static Stream<String> eventNames() {
        return EVENTS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void currentSchemaReadsDataWrittenWithEveryEarlierVersion(String event) {
        List<HistoricSchema> history = CompatibilityGate.loadHistory(HISTORY.resolve(event));

        assertThat(CompatibilityGate.check(EVENTS.get(event), history))
                .as("schema changes to %s that break BACKWARD_TRANSITIVE compatibility; see schemas/README.md", event)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void everyEventHasAHistoryStartingAtV1WithoutGaps(String event) {
        List<Integer> versions = CompatibilityGate.loadHistory(HISTORY.resolve(event)).stream()
                .map(HistoricSchema::version).toList();

        assertThat(versions).isNotEmpty();
        assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());
    }

    @ParameterizedTest
    @MethodSource("eventNames")
    void historyFilesDescribeTheirOwnRecord(String event) {
        assertThat(CompatibilityGate.loadHistory(HISTORY.resolve(event)))
                .allSatisfy(v -> assertThat(v.schema().getFullName()).isEqualTo("com.crossdock.events." + event));
    }

    @Test
    void everyEventSchemaInTheSourcesIsCoveredByTheGate() throws IOException {
        try (Stream<Path> files = Files.list(AVRO_SOURCES)) {
            List<String> records = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".avsc"))
                    .map(n -> n.substring(0, n.length() - ".avsc".length()))
                    .filter(n -> !EMBEDDED_TYPES.contains(n))
                    .toList();
            assertThat(records).containsExactlyInAnyOrderElementsOf(EVENTS.keySet());
        }
    }

    @Test
    void everyHistoryDirectoryBelongsToAnEvent() throws IOException {
        try (Stream<Path> dirs = Files.list(HISTORY)) {
            assertThat(dirs.map(d -> d.getFileName().toString()).toList())
                    .containsExactlyInAnyOrderElementsOf(EVENTS.keySet());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "new-field-without-default.avsc, READER_FIELD_MISSING_DEFAULT_VALUE, batchNumber",
            "changed-field-type.avsc,        TYPE_MISMATCH,                      productCode",
            "removed-enum-symbol.avsc,       MISSING_ENUM_SYMBOLS,               MOVEMENT"})
    void flagsAnIncompatibleChangeNamingVersionAndCause(String fixture, String type, String culprit) {
        Schema changed = CompatibilityGate.parse(FIXTURES.resolve("incompatible").resolve(fixture));

        List<String> violations = CompatibilityGate.check(changed, stockChangedHistory());

        assertThat(violations).singleElement().asString()
                .contains("v1").contains(type).contains(culprit);
    }

    @Test
    void acceptsANewOptionalFieldWithDefault() {
        Schema evolved = CompatibilityGate.parse(FIXTURES.resolve("compatible/new-optional-field.avsc"));

        assertThat(CompatibilityGate.check(evolved, stockChangedHistory())).isEmpty();
    }

    @Test
    void checksEveryEarlierVersionNotOnlyTheLatest() {
        Schema current = CompatibilityGate.parse(FIXTURES.resolve("transitive/current.avsc"));
        List<HistoricSchema> history = CompatibilityGate.loadHistory(FIXTURES.resolve("transitive/history"));

        List<String> violations = CompatibilityGate.check(current, history);

        assertThat(history).extracting(HistoricSchema::version).containsExactly(1, 2);
        assertThat(violations).singleElement().asString()
                .contains("v1").contains("TYPE_MISMATCH").doesNotContain("v2");
    }

    private static List<HistoricSchema> stockChangedHistory() {
        return CompatibilityGate.loadHistory(HISTORY.resolve("StockChanged"));
    }
}
