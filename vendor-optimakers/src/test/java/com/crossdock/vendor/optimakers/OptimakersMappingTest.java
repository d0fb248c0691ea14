package com.crossdock.vendor.optimakers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.Envelope;
import com.crossdock.events.OrderFulfilled;
import com.crossdock.events.OrderLine;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optimakers' side: the order body with the integration's parameters (optimakers-baselinker-integration.pl.txt), the
 * webhook as VENDORS.md shows it, a realized order as a fulfilment, a product as an article.
 */
class OptimakersMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OptimakersProperties SETTINGS = new OptimakersProperties(7,
            new OptimakersProperties.Attributes(11, 12, 13, 14, 15, 16, 21), Map.of("PLN", 1L), Map.of("23", 5L));
    private static final String WEBHOOK = "{\"id\": \"wh-1\", \"createdAt\": \"2026-12-01T10:00:00Z\", \"token\": \"t\", "
            + "\"eventSource\": \"order.updated\", \"webhookRegistrationId\": 3, \"ids\": [42]}";

    private final Envelopes envelopes = new Envelopes(Clock.systemUTC());
    private final OptimakersOrders orders = new OptimakersOrders(SETTINGS, envelopes);

    @Test
    void anOrderCarriesTheConfiguredStatusIdsAttributesAndItsBaseLinkerReference() {
        Map<String, Object> body = orders.newOrder(order("PLN", "23"));

        assertThat(body).containsEntry("externalId", "baselinker:500").containsEntry("statusId", 7L)
                .containsEntry("currencyId", 1L);
        assertThat(body.get("items")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).singleElement()
                .isEqualTo(itemOf());
        assertThat(body.get("attributes")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly(Map.of("attributeId", 11L, "value", "InPost"),
                Map.of("attributeId", 12L, "value", "12.99"), Map.of("attributeId", 13L, "value", "PayU"),
                Map.of("attributeId", 16L, "value", "szybko"));
        assertThat(body.get("customer").toString()).contains("attributeId=21", "value=jan.k");
    }

    @Test
    void aCurrencyOrVatRateWithoutAnIdNamesTheSettingToAdd() {
        assertThatThrownBy(() -> orders.newOrder(order("USD", "8")))
                .isInstanceOf(NotMappableException.class)
                .hasMessageContaining("currency USD has no Optimakers id (crossdock.optimakers.currencies.USD)")
                .hasMessageContaining("VAT rate 8 has no Optimakers id (crossdock.optimakers.vat-rates.8)");
    }

    @Test
    void aRealizedOrderFromBaseLinkerIsOneFulfilmentWhateverTheWebhook() {
        OptimakersWebhook webhook = OptimakersWebhook.read(WEBHOOK.getBytes(StandardCharsets.UTF_8));
        OptimakersWebhook later = OptimakersWebhook.read(WEBHOOK.replace("wh-1", "wh-2").getBytes(StandardCharsets.UTF_8));
        String realized = "{\"id\": 42, \"externalId\": \"baselinker:500\", \"realized\": true}";

        CanonicalEvent event = orders.fulfilled(JSON.readTree(realized), webhook).orElseThrow();
        assertThat(event.topic()).isEqualTo(Topics.ORDER_FULFILLED);
        assertThat(event.key()).isEqualTo("500");
        OrderFulfilled fulfilled = (OrderFulfilled) event.event();
        assertThat(fulfilled.getOrderSource()).isEqualTo(SourceSystem.BASELINKER);
        assertThat(fulfilled.getFulfillerOrderId()).isEqualTo("42");
        assertThat(fulfilled.getFulfilledAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(((OrderFulfilled) orders.fulfilled(JSON.readTree(realized), later).orElseThrow().event())
                .getEnvelope().getEventId()).isEqualTo(fulfilled.getEnvelope().getEventId());
        assertThat(orders.fulfilled(JSON.readTree(realized.replace("true", "false")), webhook)).isEmpty();
        assertThat(orders.fulfilled(JSON.readTree(realized.replace("baselinker:500", "shop:9")), webhook)).isEmpty();
    }

    @Test
    void aProductIsAnArticleAndItsDeletionRemovesIt() {
        OptimakersWebhook webhook = OptimakersWebhook.read(WEBHOOK.replace("order.updated", "product.updated")
                .getBytes(StandardCharsets.UTF_8));
        OptimakersProducts products = new OptimakersProducts(envelopes);

        ArticleUpserted article = (ArticleUpserted) products.upserted(JSON.readTree(
                "{\"id\": 42, \"code\": \"MDF-18\", \"name\": \"Płyta\", \"unit\": \"m2\"}"), webhook, 0).event();
        ArticleUpserted removed = (ArticleUpserted) products.deleted("MDF-18", "42", webhook, 0).event();

        assertThat(article.getCode()).isEqualTo("MDF-18");
        assertThat(article.getUnitOfMeasure()).isEqualTo("m2");
        assertThat(article.getAttributes()).containsEntry(OptimakersProducts.PRODUCT_ID, "42");
        assertThat(removed.getDeleted()).isTrue();
        assertThatThrownBy(() -> products.upserted(JSON.readTree("{\"id\": 43}"), webhook, 0))
                .hasMessage("code: is required (product 43)");
    }

    @Test
    void aWebhookThatDoesNotFitIsNamed() {
        assertThat(OptimakersWebhook.read(WEBHOOK.getBytes(StandardCharsets.UTF_8)).ids()).containsExactly("42");
        assertThatThrownBy(() -> OptimakersWebhook.read(WEBHOOK.replace("[42]", "[]").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("ids: must be a non-empty array");
        assertThatThrownBy(() -> OptimakersWebhook.read(WEBHOOK.replace("order.updated", "invoice.paid")
                .getBytes(StandardCharsets.UTF_8))).hasMessageStartingWith("eventSource: is not one of");
    }

    private static Map<String, Object> itemOf() {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        item.put("sku", "S-1");
        item.put("ean", null);
        item.put("name", null);
        item.put("quantity", "2");
        item.put("priceGross", "1299.5");
        item.put("vatRateId", 5L);
        return item;
    }

    private static OrderPlaced order(String currency, String rate) {
        return OrderPlaced.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                        .setPublishedAt(Instant.now()).setSourceSystem(SourceSystem.BASELINKER).setSourceId("500")
                        .setCorrelationId("c").build())
                .setOrderId("500").setPlacedAt(Instant.now()).setCurrency(currency).setCustomer("Jan")
                .setDeliveryMethod("InPost").setDeliveryPrice(new BigDecimal("12.990000")).setPaymentMethod("PayU")
                .setComments("szybko").setCustomerLogin("jan.k")
                .setLines(List.of(OrderLine.newBuilder().setSku("S-1").setQuantity(new BigDecimal("2.000000"))
                        .setUnitPrice(new BigDecimal("1299.500000")).setTaxRate(new BigDecimal(rate).setScale(6)).build()))
                .build();
    }
}
