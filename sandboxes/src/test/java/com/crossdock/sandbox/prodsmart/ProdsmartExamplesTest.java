package com.crossdock.sandbox.prodsmart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProdsmartExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(Example.class)
    void everyExampleIsJsonShapedAsTheDocumentShowsIt(Example example) {
        JsonNode body = JSON.readTree(example.body());

        if (example.topic().endsWith("_deleted")) {
            assertThat(body.isObject()).isTrue();
            assertThat(body.get("id").asInt()).isEqualTo(111);
        } else if (example.topic().contains("inventory_movement") || example.topic().startsWith("material_staging")
                || example.topic().startsWith("lot_")) {
            assertThat(body.isArray()).as("created/updated bodies are arrays").isTrue();
            assertThat(body.get(0).get("product").get("code").asString()).isEqualTo("product-code");
        } else {
            assertThat(body.isObject()).isTrue();
        }
    }

    @Test
    void productionOrderExampleIsTheDocumentsOrder() {
        JsonNode order = JSON.readTree(ProdsmartExamples.load(ProdsmartExamples.PRODUCTION_ORDER_JSON));

        assertThat(order.get("code").asString()).isEqualTo("Test Production Order");
        assertThat(order.get("products").get(0).get("quantity-ordered").asInt()).isEqualTo(3500);
        assertThat(order.get("running-status").asString()).isEqualTo("started");
    }

    @Test
    void deletedProductionOrderHasNoRunningStatus() {
        JsonNode order = JSON.readTree(Example.PRODUCTION_ORDER_DELETE.body());

        assertThat(order.has("running-status")).isFalse();
        assertThat(order.get("id").asInt()).isEqualTo(1);
    }

    @Test
    void findsTheExampleOfATopic() {
        assertThat(ProdsmartExamples.forTopic("productionOrder/create")).contains(Example.PRODUCTION_ORDER_CREATE);
        assertThat(ProdsmartExamples.forTopic("downTime_created")).contains(Example.DOWNTIME_CREATED);
        assertThat(ProdsmartExamples.forTopic("nothing/here")).isEmpty();
    }

    @Test
    void topicsAreUnique() {
        assertThat(Arrays.stream(Example.values()).map(Example::topic)).doesNotHaveDuplicates();
    }
}
