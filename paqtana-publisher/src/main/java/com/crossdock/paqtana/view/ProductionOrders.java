package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.crossdock.events.ChangeAction;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.ProductionOrderLine;

/**
 * Quantity still to be produced per item: over production orders that are not deleted, not ended and active,
 * the sum of (quantityOrdered - quantityProduced), never below zero per line. Paqtana's {@code transitStock}.
 */
final class ProductionOrders {

    private final ViewRules rules;
    private final TotalsIndex<ItemKey> toProduce = new TotalsIndex<>();

    ProductionOrders(ViewRules rules) {
        this.rules = rules;
    }

    /** Each event is the order's full state, replacing the one before. */
    boolean apply(ProductionOrderChanged event) {
        return toProduce.replace(event.getOrderId(), contributions(event));
    }

    /** A tombstone on the compacted production order topic. */
    boolean remove(String orderId) {
        return toProduce.replace(orderId, Map.of());
    }

    BigDecimal transit(ItemKey key) {
        return toProduce.total(key);
    }

    Set<ItemKey> keys() {
        return toProduce.keys();
    }

    private Map<ItemKey, BigDecimal> contributions(ProductionOrderChanged event) {
        Map<ItemKey, BigDecimal> result = new HashMap<>();
        if (event.getAction() == ChangeAction.DELETED || event.getEnded() || !event.getActive()) {
            return result;
        }
        String location = rules.location(event.getLocation());
        for (ProductionOrderLine line : event.getLines()) {
            BigDecimal produced = line.getQuantityProduced() == null ? BigDecimal.ZERO : line.getQuantityProduced();
            BigDecimal remaining = line.getQuantityOrdered().subtract(produced);
            if (remaining.signum() > 0) {
                result.merge(new ItemKey(location, line.getProductCode()), remaining, BigDecimal::add);
            }
        }
        return result;
    }
}
