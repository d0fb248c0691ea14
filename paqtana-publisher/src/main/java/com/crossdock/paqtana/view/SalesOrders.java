package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crossdock.events.OrderLine;
import com.crossdock.events.OrderKind;
import com.crossdock.events.OrderPlaced;

/**
 * Sales orders, each kept as its latest version (a later OrderPlaced of the same orderId replaces the earlier
 * one; a cancelled order contributes nothing). Two totals come from them: the demand per day and item
 * (Paqtana's historical demand) and the open quantity per item (its {@code openDemandOrders}).
 * <p>
 * Pruning: demand days more than {@code demandRetention} before the newest demand day seen are final. Their totals
 * and the orders that only contributed to them are forgotten (Paqtana keeps what it was sent for those days), and a
 * later version of an order changes only its days inside the window; so the memory holds the window's orders and
 * the open ones, not every order ever placed. A closed or cancelled order already leaves the open index.
 */
final class SalesOrders {

    private final ViewRules rules;
    private final TotalsIndex<DemandKey> demand = new TotalsIndex<>();
    private final TotalsIndex<ItemKey> open = new TotalsIndex<>();
    /**
     * The demand keys whose total may have changed since the last historical-demand run took them: the keys an
     * order's new version left as well as those it touches, so a run resends the total (0 included) of each.
     */
    private final Set<DemandKey> dirty = new HashSet<>();
    /** The newest demand day seen, and the first day still kept (every day before it is final). */
    private LocalDate newestDay = LocalDate.MIN;
    private LocalDate horizon = LocalDate.MIN;

    SalesOrders(ViewRules rules) {
        this.rules = rules;
    }

    /** True when the open demand (the master inventory) changed. */
    boolean apply(OrderPlaced order) {
        Map<DemandKey, BigDecimal> perDay = demandOf(order);
        advanceHorizon(perDay.keySet());
        perDay.keySet().removeIf(this::isFinal);
        replaceDemand(order.getOrderId(), perDay);
        return open.replace(order.getOrderId(), openOf(order));
    }

    /** A tombstone on the compacted order topic: the order is gone. */
    boolean remove(String orderId) {
        replaceDemand(orderId, Map.of());
        return open.replace(orderId, Map.of());
    }

    /** Orders the demand totals still hold (those with a day inside the window). */
    int demandOrders() {
        return demand.contributors();
    }

    private boolean isFinal(DemandKey key) {
        return key.day().isBefore(horizon);
    }

    private void advanceHorizon(Set<DemandKey> keys) {
        for (DemandKey key : keys) {
            if (key.day().isAfter(newestDay)) {
                newestDay = key.day();
            }
        }
        if (newestDay.equals(LocalDate.MIN)) {
            return;
        }
        LocalDate next = newestDay.minusDays(rules.demandRetention().toDays());
        if (next.isAfter(horizon)) {
            // at most once per new newest day: a pass over the orders held
            horizon = next;
            demand.forget(this::isFinal);
            dirty.removeIf(this::isFinal);
        }
    }

    BigDecimal demandTotal(DemandKey key) {
        return demand.total(key);
    }

    /** The keys to send in a run, taken: a run that fails gives them back with {@link #markDirty}. */
    List<DemandKey> takeDirty() {
        List<DemandKey> taken = List.copyOf(dirty);
        dirty.clear();
        return taken;
    }

    void markDirty(Iterable<DemandKey> keys) {
        keys.forEach(dirty::add);
    }

    private void replaceDemand(String orderId, Map<DemandKey, BigDecimal> perDay) {
        dirty.addAll(demand.keysOf(orderId));
        dirty.addAll(perDay.keySet());
        demand.replace(orderId, perDay);
    }

    BigDecimal open(ItemKey key) {
        return open.total(key);
    }

    boolean everHeld(ItemKey key) {
        return open.everHad(key);
    }

    Set<ItemKey> openKeys() {
        return open.keys();
    }

    /**
     * The demand one version of an order states, per day and item; cancelled orders state none, and neither does a
     * purchase (an order Crossdock placed with a supplier is incoming goods, not a customer's demand).
     */
    private Map<DemandKey, BigDecimal> demandOf(OrderPlaced order) {
        Map<DemandKey, BigDecimal> result = new HashMap<>();
        if (order.getCancelled() || order.getKind() == OrderKind.PURCHASE) {
            return result;
        }
        for (OrderLine line : order.getLines()) {
            Instant when = line.getDueDate() != null ? line.getDueDate() : order.getPlacedAt();
            result.merge(new DemandKey(rules.day(when), location(order, line), line.getSku()), line.getQuantity(),
                    BigDecimal::add);
        }
        return result;
    }

    private Map<ItemKey, BigDecimal> openOf(OrderPlaced order) {
        Map<ItemKey, BigDecimal> result = new HashMap<>();
        if (order.getCancelled() || order.getKind() == OrderKind.PURCHASE || rules.isClosed(order.getStatus())) {
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
