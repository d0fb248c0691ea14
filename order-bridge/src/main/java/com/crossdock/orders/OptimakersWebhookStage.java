package com.crossdock.orders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.EventPublisher;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.vendor.optimakers.OptimakersOrders;
import com.crossdock.vendor.optimakers.OptimakersProducts;
import com.crossdock.vendor.optimakers.OptimakersWebhook;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;

/**
 * The mapping stage of Optimakers' webhooks, in its own consumer group over the raw topic the ingress stores them
 * on (verified, deduplicated by the webhook's id, stored before the 2xx). A webhook names only ids, so each is read
 * from Optimakers' API: an order now realized ("Zrealizowane: Tak") and imported from BaseLinker is an
 * {@code OrderFulfilled}; a created or updated product an {@code ArticleUpserted}; a deleted product the removal of
 * the article its id was published with. Event ids derive from the webhook's id (and the Optimakers order id for a
 * fulfilment), so a replay publishes the same events.
 */
class OptimakersWebhookStage {

    private static final Logger log = LoggerFactory.getLogger(OptimakersWebhookStage.class);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

    private final OptimakersApi optimakers;
    private final OptimakersOrders orders;
    private final OptimakersProducts products;
    private final EventPublisher publisher;
    private final PublishedRecords published;
    private final EventCodec codec;

    OptimakersWebhookStage(OptimakersApi optimakers, OptimakersOrders orders, OptimakersProducts products,
            EventPublisher publisher, PublishedRecords published, EventCodec codec) {
        this.optimakers = optimakers;
        this.orders = orders;
        this.products = products;
        this.publisher = publisher;
        this.published = published;
        this.codec = codec;
    }

    @KafkaListener(id = "#{@optimakersWebhookGroup.id()}", groupId = "#{@optimakersWebhookGroup.id()}",
            topics = "#{@optimakersWebhookGroup.listenTopics()}")
    void onWebhook(ConsumerRecord<byte[], byte[]> record) throws Exception {
        OptimakersWebhook webhook = OptimakersWebhook.read(record.value());
        List<CanonicalEvent> events = new ArrayList<>();
        for (int i = 0; i < webhook.ids().size(); i++) {
            String id = webhook.ids().get(i);
            if (webhook.aboutOrders()) {
                orders.fulfilled(optimakers.order(id).block(CALL_TIMEOUT), webhook).ifPresent(events::add);
            } else if (OptimakersWebhook.PRODUCT_DELETED.equals(webhook.eventSource())) {
                deletedArticle(id, webhook, i).ifPresent(events::add);
            } else {
                JsonNode product = optimakers.product(id).block(CALL_TIMEOUT);
                if (product != null) {
                    events.add(products.upserted(product, webhook, i));
                }
            }
        }
        List<CompletableFuture<?>> sends = events.stream().<CompletableFuture<?>>map(e -> publisher.publish(e).toFuture())
                .toList();
        for (CompletableFuture<?> send : sends) {
            send.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        log.info("Optimakers webhook {} ({} {}) mapped to {} events", webhook.id(), webhook.eventSource(), webhook.ids(),
                events.size());
    }

    /** The article published for product {@code productId}: its removal, or nothing when none was published. */
    private Optional<CanonicalEvent> deletedArticle(String productId, OptimakersWebhook webhook, int index) {
        return published.latest(Topics.ARTICLE_UPSERTED).values().stream()
                .map(record -> codec.decode(record, ArticleUpserted.class))
                .filter(article -> article.getEnvelope().getSourceSystem() == SourceSystem.OPTIMAKERS
                        && productId.equals(article.getAttributes().get(OptimakersProducts.PRODUCT_ID)))
                .findFirst()
                .map(article -> products.deleted(article.getCode(), productId, webhook, index));
    }
}
