package com.crossdock.orders;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The port to Optimakers' API. Its paths are not public (VENDORS.md): the adapter takes them from
 * {@link OptimakersApiProperties}; the bodies are {@code OptimakersOrders}' and {@code OptimakersProducts}' shapes.
 */
interface OptimakersApi {

    /** Creates an order; the answer is the created order (with its {@code id}). */
    Mono<JsonNode> createOrder(Map<String, Object> order);

    /** The orders whose external reference is {@code externalId}: none, or the one created earlier. */
    Mono<List<JsonNode>> ordersByExternalId(String externalId);

    Mono<JsonNode> order(String id);

    /** A product; empty when Optimakers has none with that id (404). */
    Mono<JsonNode> product(String id);
}
