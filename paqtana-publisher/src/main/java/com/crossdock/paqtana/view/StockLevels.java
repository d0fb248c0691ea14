package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.crossdock.events.Movement;
import com.crossdock.events.MovementAction;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;

/** The stock level per (product, location), from LEVEL snapshots without a lot and CREATED movements. */
final class StockLevels {

    private final ViewRules rules;
    private final MovementDedupe dedupe;
    private final Map<ItemKey, BigDecimal> levels = new HashMap<>();
    private final Map<ItemKey, String> units = new HashMap<>();

    StockLevels(ViewRules rules) {
        this.rules = rules;
        this.dedupe = new MovementDedupe(rules.movementDedupeRetention());
    }

    StockOutcome apply(StockChanged event) {
        ItemKey key = new ItemKey(rules.location(event.getLocation()), event.getProductCode());
        if (event.getUnitOfMeasure() != null) {
            units.put(key, event.getUnitOfMeasure());
        }
        if (event.getKind() == StockChangeKind.LEVEL && event.getLot() != null) {
            // the level of one lot, a part of the product's stock; master_inventory has one row per product and
            // location, whose level is the event without a lot (Prodsmart's STOCK item carries both)
            return StockOutcome.LOT_LEVEL_SKIPPED;
        }
        if (event.getKind() == StockChangeKind.LEVEL) {
            BigDecimal before = levels.put(key, event.getQuantity());
            return before != null && before.compareTo(event.getQuantity()) == 0
                    ? StockOutcome.LEVEL_UNCHANGED : StockOutcome.LEVEL_CHANGED;
        }
        Movement movement = event.getMovement();
        if (movement != null && movement.getAction() != MovementAction.CREATED) {
            // Prodsmart sends no movement id on create, so an update or delete cannot find the delta it corrects
            // (prodsmart-api.pl.txt, inventory movement webhooks); the next LEVEL snapshot settles the level.
            return StockOutcome.MOVEMENT_NOT_APPLICABLE;
        }
        if (!dedupe.firstTime(event.getEnvelope().getEventId(), event.getEnvelope().getPublishedAt())) {
            return StockOutcome.MOVEMENT_DUPLICATE;
        }
        levels.merge(key, event.getQuantity(), BigDecimal::add);
        return StockOutcome.MOVEMENT_APPLIED;
    }

    BigDecimal level(ItemKey key) {
        return levels.getOrDefault(key, BigDecimal.ZERO);
    }

    String unit(ItemKey key) {
        return units.get(key);
    }

    Set<ItemKey> keys() {
        return levels.keySet();
    }
}
