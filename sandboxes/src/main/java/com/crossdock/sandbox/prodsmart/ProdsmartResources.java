package com.crossdock.sandbox.prodsmart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

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
