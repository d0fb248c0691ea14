package com.crossdock.sandbox.optimakers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.node.ObjectNode;

/** The Optimakers instance's orders and products, and the webhooks it sent. */
final class OptimakersInstance {

    private final Clock clock;
    private final Map<Long, ObjectNode> orders = new TreeMap<>();
    private final Map<Long, ObjectNode> products = new TreeMap<>();
    private final List<Map<String, Object>> webhooks = new ArrayList<>();
    private long nextOrderId = 1;
    private long nextProductId = 1;

    OptimakersInstance(Clock clock) {
        this.clock = clock;
    }

    synchronized ObjectNode createOrder(ObjectNode order) {
        ObjectNode created = order.deepCopy();
        created.put("id", nextOrderId++);
        created.put("realized", false);
        created.put("createdAt", clock.instant().toString());
        orders.put(created.path("id").asLong(), created);
        return created.deepCopy();
    }

    synchronized List<ObjectNode> ordersByExternalId(String externalId) {
        return orders.values().stream().filter(order -> externalId.equals(order.path("externalId").asString("")))
                .map(ObjectNode::deepCopy).toList();
    }

    synchronized Optional<ObjectNode> order(long id) {
        return Optional.ofNullable(orders.get(id)).map(ObjectNode::deepCopy);
    }

    /** "Zrealizowane: Tak"; false when there is no such order. */
    synchronized boolean realize(long id) {
        ObjectNode order = orders.get(id);
        if (order == null) {
            return false;
        }
        order.put("realized", true);
        order.put("realizedAt", clock.instant().toString());
        return true;
    }

    /** Creates a product, or updates the one with the same code; answers it. */
    synchronized ObjectNode upsertProduct(ObjectNode product) {
        String code = product.path("code").asString("");
        Optional<ObjectNode> existing = products.values().stream()
                .filter(known -> code.equals(known.path("code").asString(""))).findFirst();
        ObjectNode stored = product.deepCopy();
        stored.put("id", existing.map(known -> known.path("id").asLong()).orElse(nextProductId++));
        products.put(stored.path("id").asLong(), stored);
        return stored.deepCopy();
    }

    synchronized boolean knowsProductCode(String code) {
        return products.values().stream().anyMatch(known -> code.equals(known.path("code").asString("")));
    }

    synchronized Optional<ObjectNode> product(long id) {
        return Optional.ofNullable(products.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized boolean deleteProduct(long id) {
        return products.remove(id) != null;
    }

    synchronized void sent(Map<String, Object> webhook) {
        webhooks.add(webhook);
    }

    synchronized Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        Map<String, Integer> perReference = new TreeMap<>();
        orders.values().forEach(order -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", order.path("id").asLong());
            row.put("externalId", order.path("externalId").asString(null));
            row.put("statusId", order.path("statusId").asLong());
            row.put("realized", order.path("realized").asBoolean());
            list.add(row);
            perReference.merge(order.path("externalId").asString("none"), 1, Integer::sum);
        });
        state.put("orders", list);
        state.put("ordersPerExternalId", perReference);
        state.put("products", products.values().stream().map(ObjectNode::deepCopy).toList());
        state.put("webhooksSent", List.copyOf(webhooks));
        return state;
    }

    synchronized void reset() {
        orders.clear();
        products.clear();
        webhooks.clear();
        nextOrderId = 1;
        nextProductId = 1;
    }
}
