package com.crossdock.sandbox.baselinker;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The BaseLinker account's orders: added by the control endpoint, listed by {@code getOrders} in the order of
 * their {@code date_confirmed}, moved by {@code setOrderStatus}; and every status change, for inspection.
 */
final class BaseLinkerOrderBook {

    private final Clock clock;
    private final Map<Long, ObjectNode> orders = new TreeMap<>();
    private final List<Map<String, Object>> statusChanges = new ArrayList<>();
    private long nextId;

    BaseLinkerOrderBook(Clock clock) {
        this.clock = clock;
        // ids never seen before, even across a restart of the sandbox (the bridge keeps its links in Kafka)
        this.nextId = clock.instant().getEpochSecond() * 10;
    }

    /**
     * Adds {@code order} (BaseLinker's field names), filling {@code order_id} (a new one, unless it names one
     * not taken), {@code date_add} and {@code date_confirmed} (now, in unix seconds) and {@code order_status_id}
     * where it names none; empty when the id it names is taken.
     */
    synchronized Optional<ObjectNode> add(ObjectNode order, long defaultStatus) {
        ObjectNode added = order.deepCopy();
        long now = clock.instant().getEpochSecond();
        long id = added.path("order_id").canConvertToLong() ? added.path("order_id").asLong() : nextId++;
        if (orders.containsKey(id)) {
            return Optional.empty();
        }
        added.put("order_id", id);
        if (!added.hasNonNull("order_status_id")) {
            added.put("order_status_id", defaultStatus);
        }
        if (!added.hasNonNull("date_add")) {
            added.put("date_add", now);
        }
        if (!added.hasNonNull("date_confirmed")) {
            added.put("date_confirmed", now);
        }
        added.put("confirmed", true);
        if (!added.has("products")) {
            added.putArray("products");
        }
        orders.put(id, added);
        return Optional.of(added.deepCopy());
    }

    /**
     * {@code getOrders}: confirmed orders (unless {@code unconfirmed}) from {@code dateConfirmedFrom} on, of
     * {@code statusId} when given, or the one {@code orderId}; at most {@code limit}, oldest confirmation first.
     */
    synchronized List<ObjectNode> find(Long orderId, Long statusId, Long dateConfirmedFrom, Long idFrom, int limit) {
        return orders.values().stream()
                .filter(order -> orderId == null || order.path("order_id").asLong() == orderId)
                .filter(order -> statusId == null || order.path("order_status_id").asLong() == statusId)
                .filter(order -> dateConfirmedFrom == null || order.path("date_confirmed").asLong() >= dateConfirmedFrom)
                .filter(order -> idFrom == null || order.path("order_id").asLong() >= idFrom)
                .sorted(Comparator.<ObjectNode>comparingLong(order -> order.path("date_confirmed").asLong())
                        .thenComparingLong(order -> order.path("order_id").asLong()))
                .limit(limit)
                .map(ObjectNode::deepCopy)
                .toList();
    }

    synchronized Optional<ObjectNode> order(long orderId) {
        return Optional.ofNullable(orders.get(orderId)).map(ObjectNode::deepCopy);
    }

    /** {@code setOrderStatus}; false when there is no such order. */
    synchronized boolean setStatus(long orderId, long statusId) {
        ObjectNode order = orders.get(orderId);
        if (order == null) {
            return false;
        }
        long from = order.path("order_status_id").asLong();
        order.put("order_status_id", statusId);
        order.put("date_in_status", clock.instant().getEpochSecond());
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("order_id", orderId);
        change.put("from", from);
        change.put("to", statusId);
        change.put("at", clock.instant().toString());
        statusChanges.add(change);
        return true;
    }

    synchronized Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        orders.values().forEach(order -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("order_id", order.path("order_id").asLong());
            row.put("order_status_id", order.path("order_status_id").asLong());
            row.put("date_confirmed", order.path("date_confirmed").asLong());
            list.add(row);
        });
        state.put("orders", list);
        state.put("statusChanges", List.copyOf(statusChanges));
        return state;
    }

    synchronized void reset() {
        orders.clear();
        statusChanges.clear();
    }

    static ObjectNode emptyOrder() {
        return JsonNodeFactory.instance.objectNode();
    }
}
