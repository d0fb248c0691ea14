package com.crossdock.sandbox.prodsmart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The company's products, stock and production orders as the list endpoints show them. A change made
 * through the sandbox applies here as in Prodsmart: a product whose {@code notification} is
 * {@code product_remove} is gone, a production order without {@code running-status} was deleted.
 */
class ProdsmartResources {

    private final Map<String, JsonNode> products = new ConcurrentSkipListMap<>();
    private final Map<String, JsonNode> stock = new ConcurrentSkipListMap<>();
    private final Map<Long, JsonNode> productionOrders = new ConcurrentSkipListMap<>();

    void apply(ChannelType type, JsonNode item) {
        switch (type) {
            case PRODUCT -> {
                String code = type.keyOf(item);
                if ("product_remove".equals(text(item, "notification"))) {
                    products.remove(code);
                } else {
                    products.put(code, item);
                }
            }
            case STOCK -> stock.put(type.keyOf(item), item);
            case PRODUCTION_ORDER -> {
                long id = item.path("id").asLong();
                if (text(item, "running-status") == null) {
                    productionOrders.remove(id);
                } else {
                    productionOrders.put(id, item);
                }
            }
            default -> {
                // downtimes, productions and punch clocks have their own lists, which the sandbox does not keep
            }
        }
    }

    List<JsonNode> productsPage(int page, int size) {
        return page(new ArrayList<>(products.values()), page, size);
    }

    Optional<JsonNode> stockOf(String code) {
        return Optional.ofNullable(stock.get(code));
    }

    Optional<JsonNode> product(String code) {
        return Optional.ofNullable(products.get(code));
    }

    Optional<JsonNode> productionOrder(long id) {
        return Optional.ofNullable(productionOrders.get(id));
    }

    /** {@code stock} with only the lot {@code lot}; empty when the product has no such lot. */
    static Optional<JsonNode> withLot(JsonNode stock, String lot) {
        for (JsonNode entry : stock.path("lot")) {
            if (lot.equals(entry.path("code").asString())) {
                ObjectNode narrowed = ((ObjectNode) stock).deepCopy();
                ArrayNode lots = narrowed.putArray("lot");
                lots.add(entry);
                return Optional.of(narrowed);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an order is active: its own flag ({@code active}, or {@code is-active} as the feed shows it), and never a
     * closed or archived one ("Production Order was closed or archived and cannot be activated").
     */
    static boolean active(JsonNode order) {
        String running = text(order, "running-status");
        if ("closed".equals(running) || "archived".equals(running)) {
            return false;
        }
        return order.path("active").asBoolean(order.path("is-active").asBoolean(true));
    }

    List<JsonNode> productionOrdersPage(int page, int size, Predicate<JsonNode> filter) {
        return page(productionOrders.values().stream().filter(filter).toList(), page, size);
    }

    private static List<JsonNode> page(List<JsonNode> all, int page, int size) {
        int from = (Math.max(page, 1) - 1) * size;
        return from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + size));
    }

    static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() || value.asString().isEmpty() ? null : value.asString();
    }

    void reset() {
        products.clear();
        stock.clear();
        productionOrders.clear();
    }
}
