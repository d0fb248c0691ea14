package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.crossdock.events.OrderLine;
import com.crossdock.events.OrderPlaced;

/**
 * Sales orders, each kept as its latest version (a later OrderPlaced of the same orderId replaces the earlier
 * one; a cancelled order contributes nothing). Two totals come from them: the demand per day and item
 * (Paqtana's historical demand) and the open quantity per item (its {@code openDemandOrders}).
 */
final class SalesOrders {

    private final ViewRules rules;
    private final TotalsIndex<DemandKey> demand = new TotalsIndex<>();
    private final TotalsIndex<ItemKey> open = new TotalsIndex<>();
    /** Every demand key an order ever contributed to: a new version must resend the keys it left, too. */
    private final Map<String, Set<DemandKey>> touched = new HashMap<>();

    SalesOrders(ViewRules rules) {
        this.rules = rules;
    }

    /** True when the open demand (the master inventory) changed. */
    boolean apply(OrderPlaced order) {
        Map<DemandKey, BigDecimal> perDay = demandOf(order);
        demand.replace(order.getOrderId(), perDay);
        touched.computeIfAbsent(order.getOrderId(), id -> new HashSet<>()).addAll(perDay.keySet());
        return open.replace(order.getOrderId(), openOf(order));
    }

    /** A tombstone on the compacted order topic: the order is gone. */
    boolean remove(String orderId) {
        demand.replace(orderId, Map.of());
        return open.replace(orderId, Map.of());
    }

    BigDecimal demandTotal(DemandKey key) {
        return demand.total(key);
    }

    Set<DemandKey> touchedBy(String orderId) {
        return touched.getOrDefault(orderId, Set.of());
    }

    BigDecimal open(ItemKey key) {
        return open.total(key);
    }

    Set<ItemKey> openKeys() {
        return open.keys();
    }

    /** The demand one version of an order states, per day and item; cancelled orders state none. */
    Map<DemandKey, BigDecimal> demandOf(OrderPlaced order) {
        Map<DemandKey, BigDecimal> result = new HashMap<>();
        if (order.getCancelled()) {
            return result;
        }
        for (OrderLine line : order.getLines()) {
            String location = location(order, line);
            String workspace = order.getWorkspaceCode() != null && !order.getWorkspaceCode().isBlank()
                    ? order.getWorkspaceCode() : rules.workspace(location);
            Instant when = line.getDueDate() != null ? line.getDueDate() : order.getPlacedAt();
            result.merge(new DemandKey(rules.day(when), location, line.getSku(), workspace), line.getQuantity(),
                    BigDecimal::add);
        }
        return result;
    }

    private Map<ItemKey, BigDecimal> openOf(OrderPlaced order) {
        Map<ItemKey, BigDecimal> result = new HashMap<>();
        if (order.getCancelled() || rules.isClosed(order.getStatus())) {
            return result;
        }
        for (OrderLine line : order.getLines()) {
            result.merge(new ItemKey(location(order, line), line.getSku()), line.getQuantity(), BigDecimal::add);
        }
        return result;
    }

    private String location(OrderPlaced order, OrderLine line) {
        return rules.location(line.getLocation() != null && !line.getLocation().isBlank()
                ? line.getLocation() : order.getLocation());
    }
}
