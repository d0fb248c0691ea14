package com.crossdock.vendor.optimakers;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Optimakers webhook: {@code {id, createdAt, token, eventSource, webhookRegistrationId, ids:[…]}} (VENDORS.md
 * "Optimakers"). It names what changed, not how: the order or product is read from Optimakers' API.
 *
 * @param id          the webhook's own id: deliveries are deduplicated by it, event ids derive from it
 * @param createdAt   when Optimakers created it
 * @param eventSource {@code order.created}, {@code order.updated}, {@code product.created}, {@code .updated},
 *                    {@code .deleted} (the product names are assumed, VENDORS.md)
 * @param ids         the ids of the orders or products it is about
 */
public record OptimakersWebhook(String id, Instant createdAt, String eventSource, List<String> ids) {

    public static final String ORDER_CREATED = "order.created";
    public static final String ORDER_UPDATED = "order.updated";
    public static final String PRODUCT_CREATED = "product.created";
    public static final String PRODUCT_UPDATED = "product.updated";
    public static final String PRODUCT_DELETED = "product.deleted";
    /** The event sources Crossdock subscribes to ("Źródło zdarzenia", the integration document). */
    public static final List<String> EVENT_SOURCES = List.of(ORDER_CREATED, ORDER_UPDATED, PRODUCT_CREATED,
            PRODUCT_UPDATED, PRODUCT_DELETED);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public OptimakersWebhook {
        ids = List.copyOf(ids);
    }

    public boolean aboutOrders() {
        return eventSource.startsWith("order.");
    }

    public boolean aboutProducts() {
        return eventSource.startsWith("product.");
    }

    /** Reads a webhook body; a body that does not fit throws {@link InvalidOptimakersPayloadException}. */
    public static OptimakersWebhook read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException notJson) {
            throw new InvalidOptimakersPayloadException("body", "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidOptimakersPayloadException("body", "is not a JSON object");
        }
        String id = text(root, "id");
        String source = text(root, "eventSource");
        if (!EVENT_SOURCES.contains(source)) {
            throw new InvalidOptimakersPayloadException("eventSource", "is not one of " + EVENT_SOURCES + ": " + source);
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(text(root, "createdAt"));
        } catch (DateTimeParseException unreadable) {
            throw new InvalidOptimakersPayloadException("createdAt", "is not an ISO-8601 instant");
        }
        JsonNode ids = root.path("ids");
        if (!ids.isArray() || ids.isEmpty()) {
            throw new InvalidOptimakersPayloadException("ids", "must be a non-empty array");
        }
        List<String> values = new ArrayList<>();
        ids.valueStream().forEach(value -> values.add(value.isString() ? value.stringValue() : value.toString()));
        return new OptimakersWebhook(id, createdAt, source, values);
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        if (value.isMissingNode() || value.isNull() || value.isString() && value.stringValue().isBlank()) {
            throw new InvalidOptimakersPayloadException(field, "is required");
        }
        return value.isString() ? value.stringValue() : value.toString();
    }
}
