package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.crossdock.events.ChangeAction;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.ProductionOrderLine;

/**
 * Quantity still to be produced per item: over production orders that are not deleted, not ended and active,
 * the sum of (quantityOrdered - quantityProduced), never below zero per line. Paqtana's {@code transitStock}.
 * Each event is the order's full state as of {@code envelope.occurredAt} (the vendor's change time); a state
 * older than the one applied for its orderId is ignored (COMMON decision "order of facts").
 */
final class ProductionOrders {

    private final ViewRules rules;
    private final TotalsIndex<ItemKey> toProduce = new TotalsIndex<>();
    /** The as-of time of the state applied per orderId; kept after a tombstone, so no older state comes back. */
    private final Map<String, Instant> appliedAt = new HashMap<>();

    ProductionOrders(ViewRules rules) {
        this.rules = rules;
    }

    /** Each event is the order's full state, replacing the one before unless it is older. */
    ProductionOrderOutcome apply(ProductionOrderChanged event) {
        Instant at = event.getEnvelope().getOccurredAt();
        Instant applied = appliedAt.get(event.getOrderId());
        if (applied != null && at.isBefore(applied)) {
            return ProductionOrderOutcome.STATE_OLDER_IGNORED;
        }
        appliedAt.put(event.getOrderId(), at);
        return toProduce.replace(event.getOrderId(), contributions(event))
                ? ProductionOrderOutcome.STATE_CHANGED : ProductionOrderOutcome.STATE_UNCHANGED;
    }

    /** A tombstone on the compacted production order topic. */
    boolean remove(String orderId) {
        return toProduce.replace(orderId, Map.of());
    }

    BigDecimal transit(ItemKey key) {
        return toProduce.total(key);
    }

    boolean everHeld(ItemKey key) {
        return toProduce.everHad(key);
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
