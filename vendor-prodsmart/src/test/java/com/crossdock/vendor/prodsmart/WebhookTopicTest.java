package com.crossdock.vendor.prodsmart;

import java.util.Optional;

import com.crossdock.vendor.prodsmart.WebhookTopic.Action;
import com.crossdock.vendor.prodsmart.WebhookTopic.Entity;
import com.crossdock.sandbox.prodsmart.ProdsmartExamples.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTopicTest {

    @ParameterizedTest
    @CsvSource({
            "productionOrder/create, production_order_created, PRODUCTION_ORDER, CREATED",
            "productionOrder/update, production_order_updated, PRODUCTION_ORDER, UPDATED",
            "production_order_deleted, production_order_deleted, PRODUCTION_ORDER, DELETED",
            "productionOrder_created, production_order_created, PRODUCTION_ORDER, CREATED",
            "shipping_inventory_movement_created, shipping_inventory_movement_created, SHIPPING_MOVEMENT, CREATED",
            "receiving_inventory_movement_updated, receiving_inventory_movement_updated, RECEIVING_MOVEMENT, UPDATED",
            "internal_inventory_movement_deleted, internal_inventory_movement_deleted, INTERNAL_MOVEMENT, DELETED",
            "punchClock_created, punch_clock_created, PUNCH_CLOCK, CREATED",
            "downTime_deleted, down_time_deleted, DOWNTIME, DELETED",
            "lot_updated, lot_updated, LOT, UPDATED",
            "material_staging_created, material_staging_created, MATERIAL_STAGING, CREATED"})
    void normalisesBothSpellingsOfTheDocument(String header, String name, Entity entity, Action action) {
        WebhookTopic topic = WebhookTopic.of(header);

        assertThat(topic.name()).isEqualTo(name);
        assertThat(topic.entity()).isEqualTo(entity);
        assertThat(topic.action()).contains(action);
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void recognisesEveryTopicOfTheDocument(Example example) {
        assertThat(WebhookTopic.of(example.topic()).entity()).isNotEqualTo(Entity.UNKNOWN);
    }

    @Test
    void readsAnUnknownOrMissingTopicAsUnknown() {
        for (String header : new String[] {"invoice/create", "productionOrder", "", null}) {
            WebhookTopic topic = WebhookTopic.of(header);

            assertThat(topic.entity()).as(header).isEqualTo(Entity.UNKNOWN);
            assertThat(topic.name()).isEqualTo(WebhookTopic.UNKNOWN);
            assertThat(topic.action()).isEqualTo(Optional.empty());
            assertThat(topic.mapped()).isFalse();
        }
    }

    @Test
    void mapsProductionOrdersAndStockMovementsOnly() {
        assertThat(WebhookTopic.of("productionOrder/create").mapped()).isTrue();
        assertThat(WebhookTopic.of("shipping_inventory_movement_deleted").mapped()).isTrue();
        assertThat(WebhookTopic.of("lot_created").mapped()).isFalse();
        assertThat(WebhookTopic.of("punchClock_created").mapped()).isFalse();
    }
}
