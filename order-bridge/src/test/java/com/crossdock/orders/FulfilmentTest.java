package com.crossdock.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.OrderFulfilled;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.Timeouts;
import com.crossdock.vendor.optimakers.OptimakersProducts;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Optimakers' webhooks, as the ingress stores them: an order fulfilled at Optimakers moves its BaseLinker order to
 * the configured status (through {@code OrderFulfilled}); a product created, updated or deleted is an
 * {@code ArticleUpserted}.
 */
class FulfilmentTest extends BridgeTestSupport {

    @Autowired
    Tracer tracer;

    @Test
    void anOrderFulfilledAtOptimakersMovesItsBaseLinkerStatus() throws Exception {
        long orderId = addBaseLinkerOrder("PLN", "SZAFA-3");
        long optimakersId = awaitAtOptimakers(Long.toString(orderId));
        // an update that is no fulfilment changes nothing
        storeWebhook("order.updated", optimakersId);

        fulfilAtOptimakers(optimakersId);
        storeWebhook("order.updated", optimakersId);

        await().atMost(Timeouts.PATIENCE).until(() -> baseLinkerStatus(orderId) == TO_SEND);
        List<OrderFulfilled> fulfilled = TopicReader.shared().all(Topics.ORDER_FULFILLED).stream()
                .map(record -> codec.decode(record, OrderFulfilled.class))
                .filter(event -> event.getOrderId().equals(Long.toString(orderId))).toList();
        // each webhook that finds the order realized states the fulfilment again, as the same event (one id)
        assertThat(fulfilled).isNotEmpty().extracting(event -> event.getEnvelope().getEventId()).containsOnly(
                fulfilled.get(0).getEnvelope().getEventId());
        assertThat(fulfilled.get(0).getFulfillerOrderId()).isEqualTo(Long.toString(optimakersId));
        assertThat(fulfilled.get(0).getOrderSource()).isEqualTo(SourceSystem.BASELINKER);
    }

    @Test
    void productWebhooksAreArticlesAndADeletedProductRemovesItsArticle() throws Exception {
        String code = "PLYTA-" + System.nanoTime();
        JsonNode product = sandbox.post().uri("/optimakers/_sandbox/products?target=http://localhost:1/nowhere")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("code", code, "name", "Płyta MDF", "unit", "szt"))
                .retrieve().onStatus(status -> true, (request, response) -> { })
                .body(JsonNode.class);
        long productId = productIdOf(code);

        storeWebhook("product.created", productId);
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(articles(code)).isNotEmpty());
        ArticleUpserted created = articles(code).get(0);
        assertThat(created.getDescription()).isEqualTo("Płyta MDF");
        assertThat(created.getDeleted()).isFalse();
        assertThat(created.getAttributes()).containsEntry(OptimakersProducts.PRODUCT_ID, Long.toString(productId));
        assertThat(product).isNotNull();

        storeWebhook("product.deleted", productId);
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(articles(code)).hasSize(2));
        assertThat(articles(code).get(1).getDeleted()).isTrue();
    }

    /**
     * A webhook stored in a trace (as the ingress stores one, continuing the webhook's traceparent) keeps it: the
     * stage's call to Optimakers for the product and the article it publishes carry the same trace id
     * (docs/tracing.md).
     */
    @Test
    void aWebhooksTraceReachesTheOptimakersCallMadeForItAndTheArticleItBecomes() throws Exception {
        String code = "TRACED-" + System.nanoTime();
        sandbox.post().uri("/optimakers/_sandbox/products?target=http://localhost:1/nowhere")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("code", code, "name", "Traced", "unit", "szt"))
                .retrieve().onStatus(status -> true, (request, response) -> { }).toBodilessEntity();
        long productId = productIdOf(code);

        Span webhook = tracer.nextSpan().name("optimakers-webhook").start();
        String traceId = webhook.context().traceId();
        try (Tracer.SpanInScope scope = tracer.withSpan(webhook)) {
            storeWebhook("product.updated", productId);
        } finally {
            webhook.end();
        }

        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(articleRecords(code)).isNotEmpty());
        assertThat(TopicReader.header(articleRecords(code).get(0), "traceparent")).startsWith("00-" + traceId + "-");
        assertThat(SANDBOX.control().received("optimakers"))
                .filteredOn(request -> request.path().endsWith("/" + productId) && request.method().equals("GET"))
                .isNotEmpty()
                .anySatisfy(request -> assertThat(request.traceparent()).startsWith("00-" + traceId + "-"));
    }

    private List<ConsumerRecord<byte[], byte[]>> articleRecords(String code) {
        return TopicReader.shared().all(Topics.ARTICLE_UPSERTED).stream()
                .filter(record -> codec.decode(record, ArticleUpserted.class).getCode().equals(code)).toList();
    }

    private List<ArticleUpserted> articles(String code) {
        return TopicReader.shared().all(Topics.ARTICLE_UPSERTED).stream()
                .map(record -> codec.decode(record, ArticleUpserted.class))
                .filter(article -> article.getCode().equals(code)).toList();
    }

    private long productIdOf(String code) {
        return SANDBOX.control().get("/optimakers/_sandbox/state").path("products").valueStream()
                .filter(product -> code.equals(product.path("code").asString(""))).findFirst().orElseThrow()
                .path("id").asLong();
    }

    /** Optimakers' user sets "Zrealizowane: Tak"; its webhook goes nowhere here: the test stores it as the ingress would. */
    private void fulfilAtOptimakers(long optimakersId) {
        sandbox.post().uri("/optimakers/_sandbox/orders/{id}/fulfil?target=http://localhost:1/nowhere", optimakersId)
                .retrieve().onStatus(status -> true, (request, response) -> { }).toBodilessEntity();
    }
}
