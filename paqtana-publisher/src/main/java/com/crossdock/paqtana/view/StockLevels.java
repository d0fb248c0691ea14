package com.crossdock.paqtana.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crossdock.events.Movement;
import com.crossdock.events.MovementAction;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;

/**
 * The stock level per item (location, code), from LEVEL snapshots without a lot and CREATED movements, in the
 * order of the vendor's own times (COMMON decision "order of facts"): each item keeps the as-of time of its
 * level ({@code envelope.occurredAt} of the LEVEL). A LEVEL older than the applied one is ignored; a movement
 * dated ({@code movement.date}, else {@code envelope.occurredAt}) at or before the level's time is already in
 * that level and ignored; a LEVEL at time t is its quantity plus the movements already applied that are dated
 * after t. So late webhooks, replays and the poller racing the webhooks give the same level in any order.
 */
final class StockLevels {

    private final ViewRules rules;
    private final MovementDedupe dedupe;
    private final Map<ItemKey, Item> items = new HashMap<>();
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
            return items.computeIfAbsent(key, k -> new Item()).level(event.getQuantity(),
                    event.getEnvelope().getOccurredAt());
        }
        Movement movement = event.getMovement();
        if (movement != null && movement.getAction() != MovementAction.CREATED) {
            // Prodsmart sends no movement id on create, so an update or delete cannot find the delta it corrects
            // (prodsmart-api.pl.txt, inventory movement webhooks); the next LEVEL snapshot settles the level.
            return StockOutcome.MOVEMENT_NOT_APPLICABLE;
        }
        Instant date = movement != null && movement.getDate() != null ? movement.getDate()
                : event.getEnvelope().getOccurredAt();
        Item known = items.get(key);
        if (known != null && known.includes(date)) {
            return StockOutcome.MOVEMENT_BEFORE_LEVEL;
        }
        if (!dedupe.firstTime(event.getEnvelope().getEventId(), event.getEnvelope().getPublishedAt())) {
            return StockOutcome.MOVEMENT_DUPLICATE;
        }
        // a LEVEL dated before the dedupe retention would be one the topic no longer holds: forget older dates
        items.computeIfAbsent(key, k -> new Item())
                .move(event.getQuantity(), date, date.minus(rules.movementDedupeRetention()));
        return StockOutcome.MOVEMENT_APPLIED;
    }

    BigDecimal level(ItemKey key) {
        Item item = items.get(key);
        return item == null ? BigDecimal.ZERO : item.quantity;
    }

    String unit(ItemKey key) {
        return units.get(key);
    }

    Set<ItemKey> keys() {
        return items.keySet();
    }

    /** One item's level, the as-of time of its last LEVEL, and the movements applied since (dated after it). */
    private static final class Item {

        private BigDecimal quantity = BigDecimal.ZERO;
        private Instant levelAt;
        private final List<Dated> movementsAfterLevel = new ArrayList<>();

        StockOutcome level(BigDecimal level, Instant at) {
            if (levelAt != null && at.isBefore(levelAt)) {
                return StockOutcome.LEVEL_OLDER_IGNORED;
            }
            movementsAfterLevel.removeIf(m -> !m.date().isAfter(at));
            BigDecimal next = level;
            for (Dated m : movementsAfterLevel) {
                next = next.add(m.quantity());
            }
            BigDecimal before = quantity;
            quantity = next;
            levelAt = at;
            return before.compareTo(next) == 0 ? StockOutcome.LEVEL_UNCHANGED : StockOutcome.LEVEL_CHANGED;
        }

        /** Whether a movement dated {@code date} is already in the level (dated at or before its as-of time). */
        boolean includes(Instant date) {
            return levelAt != null && !date.isAfter(levelAt);
        }

        void move(BigDecimal delta, Instant date, Instant forgetBefore) {
            quantity = quantity.add(delta);
            movementsAfterLevel.removeIf(m -> m.date().isBefore(forgetBefore));
            movementsAfterLevel.add(new Dated(date, delta));
        }
    }

    private record Dated(Instant date, BigDecimal quantity) {
    }
}
