package com.crossdock.vendor.optimakers;

import java.util.Map;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Optimakers products to {@link ArticleUpserted}: the article is known by the product's {@code code} (its SKU, as
 * BaseLinker's lines name it), with the Optimakers product id in the attribute {@value #PRODUCT_ID} so that a
 * {@code product.deleted} webhook, which names only the id, can be told which article it removes. The product
 * answer's shape ({@code {id, code, name, unit}}) is this integration's assumption: Optimakers' API is not public.
 */
public final class OptimakersProducts {

    /** The article attribute holding the Optimakers product id. */
    public static final String PRODUCT_ID = "optimakers.product-id";

    private final Envelopes envelopes;

    public OptimakersProducts(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    /** The event id seed of the {@code index}th id of {@code webhook}. */
    static String idSeed(OptimakersWebhook webhook, int index) {
        return "optimakers-webhook:" + webhook.id() + ":" + index;
    }

    /** A created or updated product, the {@code index}th id of {@code webhook}. */
    public CanonicalEvent upserted(JsonNode product, OptimakersWebhook webhook, int index) {
        String code = product.path("code").asString("");
        if (code.isBlank()) {
            throw new InvalidOptimakersPayloadException("code", "is required (product " + OptimakersOrders.id(product) + ")");
        }
        String name = product.path("name").asString(null);
        String unit = product.path("unit").asString(null);
        return event(code, webhook, index, false, name, unit, OptimakersOrders.id(product));
    }

    /** The removal of the article {@code code}, the product {@code productId} a {@code product.deleted} names. */
    public CanonicalEvent deleted(String code, String productId, OptimakersWebhook webhook, int index) {
        return event(code, webhook, index, true, null, null, productId);
    }

    private CanonicalEvent event(String code, OptimakersWebhook webhook, int index, boolean deleted, String name,
            String unit, String productId) {
        ArticleUpserted article = ArticleUpserted.newBuilder()
                .setEnvelope(envelopes.envelope(SourceSystem.OPTIMAKERS, productId, webhook.createdAt(),
                        "optimakers-webhook-" + webhook.id(), idSeed(webhook, index), null))
                .setCode(code)
                .setDescription(name)
                .setUnitOfMeasure(unit)
                .setDeleted(deleted)
                .setAttributes(Map.of(PRODUCT_ID, productId))
                .build();
        return new CanonicalEvent(Topics.ARTICLE_UPSERTED, code, article);
    }
}
