package com.crossdock.vendor.prodsmart;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Prodsmart webhook topic, normalised. The vendor document (prodsmart-api.pl.txt, "Elementy webhook") shows
 * two spellings: the header example {@code productionOrder/create} and "notification" values such as
 * {@code shipping_inventory_movement_created} or {@code punchClock_created}. Both are read as
 * {@code <entity in snake case>_<action in past tense>}, so {@code productionOrder/create},
 * {@code production_order_created} and {@code productionOrder_created} are one topic.
 *
 * @param name the normalised name, e.g. {@code production_order_created}; {@code unknown} when unrecognised
 * @param entity what the webhook is about
 * @param action created, updated or deleted; empty for an unknown topic
 */
public record WebhookTopic(String name, Entity entity, Optional<Action> action) {

    public static final String UNKNOWN = "unknown";
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Map<String, Action> VERBS = Map.of(
            "create", Action.CREATED, "created", Action.CREATED,
            "update", Action.UPDATED, "updated", Action.UPDATED,
            "delete", Action.DELETED, "deleted", Action.DELETED);

    public enum Action { CREATED, UPDATED, DELETED }

    /** The entities the vendor document describes webhooks for, and whether Crossdock maps them yet. */
    public enum Entity {
        PRODUCTION_ORDER("production_order", true),
        SHIPPING_MOVEMENT("shipping_inventory_movement", true),
        RECEIVING_MOVEMENT("receiving_inventory_movement", true),
        INTERNAL_MOVEMENT("internal_inventory_movement", true),
        MATERIAL_STAGING("material_staging", false),
        LOT("lot", false),
        PUNCH_CLOCK("punch_clock", false),
        DOWNTIME("down_time", false),
        UNKNOWN(WebhookTopic.UNKNOWN, false);

        private final String prefix;
        private final boolean mapped;

        Entity(String prefix, boolean mapped) {
            this.prefix = prefix;
            this.mapped = mapped;
        }

        /** True when the mapper turns it into canonical events; the others are kept raw and counted. */
        public boolean mapped() {
            return mapped;
        }

        boolean movement() {
            return this == SHIPPING_MOVEMENT || this == RECEIVING_MOVEMENT || this == INTERNAL_MOVEMENT;
        }
    }

    /** Reads an {@code x-prodsmart-topic} value in either spelling; never fails (unknown topics are kept raw). */
    public static WebhookTopic of(String header) {
        String snake = header == null ? "" : SEPARATORS.matcher(
                CAMEL.matcher(header.trim()).replaceAll("$1_$2").toLowerCase(Locale.ROOT)).replaceAll("_");
        int last = snake.lastIndexOf('_');
        Action action = last < 0 ? null : VERBS.get(snake.substring(last + 1));
        if (action != null) {
            String prefix = snake.substring(0, last);
            for (Entity entity : Entity.values()) {
                // "downtime" is how a reader may well spell "downTime"
                if (entity != Entity.UNKNOWN && (entity.prefix.equals(prefix)
                        || entity.prefix.replace("_", "").equals(prefix))) {
                    return new WebhookTopic(entity.prefix + "_" + action.name().toLowerCase(Locale.ROOT),
                            entity, Optional.of(action));
                }
            }
        }
        return new WebhookTopic(UNKNOWN, Entity.UNKNOWN, Optional.empty());
    }

    public boolean mapped() {
        return entity.mapped();
    }
}
