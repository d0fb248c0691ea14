package com.crossdock.vendor.serpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.vendor.BodyFailure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one mapping both ways, on the document's own example (serpi-articulos-api.es.txt "API Consultar(GET)",
 * "Response"; its trailing comma after {@code "AUTOR": "Juan"} removed, the rest as printed).
 */
class SerpiMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant READ_AT = Instant.parse("2026-12-01T13:00:00Z");
    private final SerpiProperties company = new SerpiProperties("acme", ZoneId.of("America/Bogota"), "COP",
            Map.of("1", "bogota"));
    private final SerpiMapping mapping = new SerpiMapping(Map.of("UN", 3),
            Map.of("RAW", new SerpiMapping.CreateIds(2, 1, 2, 5, 1)), "");
    private final SerpiEventMapper mapper = new SerpiEventMapper(
            new Envelopes(Clock.fixed(READ_AT, ZoneOffset.UTC)), company, mapping);

    @Test
    void theDocumentsArticleIsAnArticleUpserted() throws IOException {
        SerpiEnvelope envelope = SerpiEnvelope.read(example());
        assertThat(envelope.success()).isTrue();
        SerpiArticle article = SerpiArticle.read(envelope.result().get(0), "result[0]");

        ArticleUpserted event = (ArticleUpserted) mapper.changed(article, null, "read-1", READ_AT).orElseThrow().event();

        assertThat(event.getCode()).isEqualTo("123");
        assertThat(event.getDescription()).isEqualTo("ARTICULO1");
        assertThat(event.getUnitOfMeasure()).isEqualTo("UN");
        assertThat(event.getUnitCost()).isEqualTo(new BigDecimal("1000.000000"));
        assertThat(event.getCurrency()).isEqualTo("COP");
        assertThat(event.getMinimumOrderQuantity()).isEqualByComparingTo("1");
        assertThat(event.getMultipleOrderQuantity()).isEqualByComparingTo("1");
        assertThat(event.getSupplyLeadTimeDays()).isZero();
        assertThat(event.getAttributes()).containsEntry("serpi.id", "1").containsEntry("active", "true")
                .containsEntry("serpi.reference", "456").containsEntry("serpi.barcode", "123456789");
        assertThat(event.getEnvelope().getSourceSystem()).isEqualTo(SourceSystem.SERPI);
        assertThat(event.getEnvelope().getSourceId()).isEqualTo("1");
        assertThat(event.getEnvelope().getTenant().getOrganisation()).isEqualTo("acme");
        assertThat(event.getEnvelope().getOccurredAt()).isEqualTo(READ_AT);
    }

    @Test
    void anUnchangedArticleIsNotPublishedAgainAndAChangeIs() throws IOException {
        SerpiArticle article = SerpiArticle.read(SerpiEnvelope.read(example()).result().get(0), "result[0]");
        ArticleUpserted published = mapper.article(article, null, "read-1", READ_AT);

        assertThat(mapper.changed(article, published, "read-2", READ_AT.plusSeconds(300))).isEmpty();

        ObjectNode inactive = article.raw().deepCopy().put("activo", false);
        ArticleUpserted deactivated = (ArticleUpserted) mapper.changed(SerpiArticle.read(inactive, "result[0]"),
                published, "read-3", READ_AT).orElseThrow().event();
        assertThat(deactivated.getAttributes()).containsEntry("active", "false");
        assertThat(deactivated.getDeleted()).isFalse();
    }

    @Test
    void factsSerpiDoesNotHoldAreCarriedOverFromTheLatestEvent() throws IOException {
        SerpiArticle article = SerpiArticle.read(SerpiEnvelope.read(example()).result().get(0), "result[0]");
        ArticleUpserted fromProdsmart = ArticleUpserted.newBuilder(mapper.article(article, null, "r", READ_AT))
                .setMaterialType("RAW").setAttributes(Map.of("prodsmart.family", "screws")).build();

        ArticleUpserted merged = mapper.article(article, fromProdsmart, "r2", READ_AT);

        assertThat(merged.getMaterialType()).isEqualTo("RAW");
        assertThat(merged.getAttributes()).containsEntry("prodsmart.family", "screws").containsEntry("serpi.id", "1");
    }

    @Test
    void aBalanceIsALevelAtItsWarehousesLocationOnlyWhenMapped() {
        CanonicalEvent level = mapper.level(new SerpiStock("123", "1", new BigDecimal("4.500000")), "r", READ_AT)
                .orElseThrow();
        StockChanged stock = (StockChanged) level.event();
        assertThat(level.topic()).isEqualTo(Topics.STOCK_CHANGED);
        assertThat(level.key()).isEqualTo("123|bogota");
        assertThat(stock.getLocation()).isEqualTo("bogota");
        assertThat(stock.getWarehouse()).isEqualTo("1");
        assertThat(mapper.level(new SerpiStock("123", "2", BigDecimal.ONE), "r", READ_AT)).isEmpty();
    }

    @Test
    void aCreateTakesTheRequiredIdsFromTheMappingAndNamesWhatIsMissing() throws IOException {
        SerpiWrites writes = new SerpiWrites(mapping, JSON);
        ArticleUpserted article = ArticleUpserted.newBuilder(mapper.article(
                        SerpiArticle.read(SerpiEnvelope.read(example()).result().get(0), "result[0]"), null, "r", READ_AT))
                .setMaterialType("RAW").build();

        ObjectNode body = writes.create(article);
        assertThat(body.path("codigo").asString()).isEqualTo("123");
        assertThat(body.path("idgrupocontable").asInt()).isEqualTo(2);
        assertThat(body.path("idpresentacion").asInt()).isEqualTo(5);
        assertThat(body.path("idunidadmedida").asInt()).isEqualTo(3);
        assertThat(body.path("activo").asBoolean()).isTrue();
        assertThat(body.path("costo").decimalValue()).isEqualByComparingTo("1000");

        assertThatThrownBy(() -> writes.create(ArticleUpserted.newBuilder(article).setMaterialType("FOAM").build()))
                .isInstanceOf(UnmappableArticleException.class)
                .hasMessageContaining("no mapping crossdock.serpi.mapping.material-types.FOAM");
        assertThatThrownBy(() -> writes.create(ArticleUpserted.newBuilder(article).setUnitOfMeasure("KG").build()))
                .hasMessageContaining("no mapping crossdock.serpi.mapping.units.KG");
    }

    @Test
    void aModifyKeepsSerpisClassificationAndADeletionDeactivates() throws IOException {
        SerpiArticle existing = SerpiArticle.read(SerpiEnvelope.read(example()).result().get(0), "result[0]");
        ArticleUpserted article = ArticleUpserted.newBuilder(mapper.article(existing, null, "r", READ_AT))
                .setDescription("NUEVO").setDeleted(true).setMaterialType("UNMAPPED").build();

        ObjectNode body = new SerpiWrites(SerpiMapping.empty(), JSON).update(article, existing);

        assertThat(body.path("id").asInt()).isEqualTo(1);
        assertThat(body.path("descripcion").asString()).isEqualTo("NUEVO");
        assertThat(body.path("idmarca").asInt()).isEqualTo(1);
        assertThat(body.path("activo").asBoolean()).isFalse();
    }

    @Test
    void theEnvelopeAndItsFailures() {
        SerpiEnvelope none = SerpiEnvelope.read(JSON.readTree(
                "{\"success\": true, \"code\": 204, \"message\": \"No se encontraron registros\"}"));
        assertThat(none.noRecords()).isTrue();
        assertThat(none.result()).isEmpty();

        SerpiEnvelope partial = SerpiEnvelope.read(JSON.readTree("{\"success\":true,\"code\":201,\"errors\":["
                + "{\"codigo\":\"7\",\"mensaje\":\"el campo idmarca es requerido\"},\"codigo 8: ya existe\"],"
                + "\"message\":\"Se crearon 8 de 10 articulos\"}"));
        assertThat(partial.errorsOf("7")).hasSize(1);
        assertThat(partial.errorsOf("8")).hasSize(1);
        assertThat(partial.errorsOf("9")).isEmpty();

        SerpiStatus status = new SerpiStatus();
        assertThat(status.classify(JSON.readTree("{\"success\":false,\"code\":400,\"message\":\"x\"}")))
                .get().extracting(BodyFailure::transientFailure).isEqualTo(false);
        assertThat(status.classify(JSON.readTree("{\"success\":false,\"code\":503,\"message\":\"x\"}")))
                .get().extracting(BodyFailure::transientFailure).isEqualTo(true);
        assertThat(status.classify(JSON.readTree("{\"success\":true,\"code\":204}"))).isEmpty();
        assertThatThrownBy(() -> SerpiArticle.read(JSON.readTree("{\"id\":1,\"activo\":true}"), "result[0]"))
                .hasMessage("result[0].codigo: is required");
    }

    @Test
    void aLocationHoldsOneStockSource() {
        assertThatThrownBy(() -> new SerpiProperties("acme", ZoneId.of("UTC"), "COP", Map.of("1", "x", "2", "x")))
                .hasMessageContaining("two SERPI warehouses");
        assertThatThrownBy(() -> company.requireNoWarehouseAt("bogota", "Prodsmart"))
                .hasMessageContaining("crossdock.serpi.warehouses.1");
        company.requireNoWarehouseAt("plant", "Prodsmart");
    }

    private static JsonNode example() throws IOException {
        try (InputStream in = SerpiMappingTest.class.getResourceAsStream("/serpi-api/articulo-get.json")) {
            return JSON.readTree(in);
        }
    }
}
