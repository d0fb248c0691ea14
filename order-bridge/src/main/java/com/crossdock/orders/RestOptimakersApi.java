package com.crossdock.orders;

import java.util.List;
import java.util.Map;

import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.client.VendorClient;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link OptimakersApi} on the vendor client kit's {@code crossdock.vendors.optimakers} client (the instance's
 * address, the employee's API key header, the call policy), with the paths of {@link OptimakersApiProperties}.
 */
final class RestOptimakersApi implements OptimakersApi {

    private final VendorClient client;
    private final OptimakersApiProperties paths;

    RestOptimakersApi(VendorClient client, OptimakersApiProperties paths) {
        this.client = client;
        this.paths = paths;
    }

    /**
     * A create is not idempotent: a create that may have been served (a timeout, a connection reset after the request
     * went out, a 5xx) is not repeated by the call policy, which would create the order twice; it fails, and the
     * exporter's retry looks the order up by its reference before it creates anything (the destructive client).
     */
    @Override
    public Mono<JsonNode> createOrder(Map<String, Object> order) {
        return client.destructive().exchange("createOrder", web -> web.post().uri(paths.createOrder())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(order), JsonNode.class);
    }

    @Override
    public Mono<List<JsonNode>> ordersByExternalId(String externalId) {
        return client.exchange("findOrders", web -> web.get().uri(paths.findOrders(), externalId), JsonNode.class)
                .map(answer -> answer.isArray() ? answer.valueStream().toList() : List.<JsonNode>of())
                .defaultIfEmpty(List.of());
    }

    @Override
    public Mono<JsonNode> order(String id) {
        return client.exchange("getOrder", web -> web.get().uri(paths.order(), id), JsonNode.class);
    }

    @Override
    public Mono<JsonNode> product(String id) {
        return client.exchange("getProduct", web -> web.get().uri(paths.product(), id), JsonNode.class)
                .onErrorResume(VendorCallException.class, failure -> failure.status() == 404 ? Mono.empty()
                        : Mono.error(failure));
    }
}
