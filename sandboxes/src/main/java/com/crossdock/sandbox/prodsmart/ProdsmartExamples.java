package com.crossdock.sandbox.prodsmart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The webhook bodies of prodsmart-api.pl.txt ("Elementy webhook"), copied from the document as classpath
 * resources, and the {@code x-prodsmart-topic} each is sent with. Other modules' tests load them.
 *
 * <p>Topics: the document shows {@code productionOrder/create} as a header value; for the other bodies
 * it lists only "notification" names ({@code punchClock_created}, {@code lot_created}, ...). Using those
 * names as topic values is a guess, as is the update/delete pairing with the same body.
 */
public final class ProdsmartExamples {

    private static final String BASE = "prodsmart/examples/";

    public static final String PRODUCTION_ORDER_JSON = BASE + "production-order.json";
    /** Not in the document: its production order without {@code running-status}, which the doc says a
     * deletion removes ("stan uruchomienia zostanie usunięty po usunięciu zamówienia produkcji"). */
    public static final String PRODUCTION_ORDER_DELETED_JSON = BASE + "production-order-deleted.json";
    public static final String PUNCH_CLOCK_JSON = BASE + "punch-clock.json";
    public static final String SHIPPING_INVENTORY_MOVEMENTS_JSON = BASE + "shipping-inventory-movements.json";
    public static final String SHIPPING_INVENTORY_MOVEMENT_DELETED_JSON = BASE + "shipping-inventory-movement-deleted.json";
    public static final String RECEIVING_INVENTORY_MOVEMENTS_JSON = BASE + "receiving-inventory-movements.json";
    public static final String RECEIVING_INVENTORY_MOVEMENT_DELETED_JSON = BASE + "receiving-inventory-movement-deleted.json";
    public static final String INTERNAL_INVENTORY_MOVEMENTS_JSON = BASE + "internal-inventory-movements.json";
    public static final String INTERNAL_INVENTORY_MOVEMENT_DELETED_JSON = BASE + "internal-inventory-movement-deleted.json";
    public static final String MATERIAL_STAGINGS_JSON = BASE + "material-stagings.json";
    public static final String MATERIAL_STAGING_DELETED_JSON = BASE + "material-staging-deleted.json";
    public static final String LOTS_JSON = BASE + "lots.json";
    public static final String LOT_DELETED_JSON = BASE + "lot-deleted.json";
    public static final String DOWNTIME_JSON = BASE + "downtime.json";

    /** Each topic the document names, with the example body sent under it. */
    public enum Example {
        PRODUCTION_ORDER_CREATE("productionOrder/create", PRODUCTION_ORDER_JSON),
        PRODUCTION_ORDER_UPDATE("productionOrder/update", PRODUCTION_ORDER_JSON),
        PRODUCTION_ORDER_DELETE("productionOrder/delete", PRODUCTION_ORDER_DELETED_JSON),
        PUNCH_CLOCK_CREATED("punchClock_created", PUNCH_CLOCK_JSON),
        SHIPPING_INVENTORY_MOVEMENT_CREATED("shipping_inventory_movement_created", SHIPPING_INVENTORY_MOVEMENTS_JSON),
        SHIPPING_INVENTORY_MOVEMENT_UPDATED("shipping_inventory_movement_updated", SHIPPING_INVENTORY_MOVEMENTS_JSON),
        SHIPPING_INVENTORY_MOVEMENT_DELETED("shipping_inventory_movement_deleted", SHIPPING_INVENTORY_MOVEMENT_DELETED_JSON),
        RECEIVING_INVENTORY_MOVEMENT_CREATED("receiving_inventory_movement_created", RECEIVING_INVENTORY_MOVEMENTS_JSON),
        RECEIVING_INVENTORY_MOVEMENT_UPDATED("receiving_inventory_movement_updated", RECEIVING_INVENTORY_MOVEMENTS_JSON),
        RECEIVING_INVENTORY_MOVEMENT_DELETED("receiving_inventory_movement_deleted", RECEIVING_INVENTORY_MOVEMENT_DELETED_JSON),
        INTERNAL_INVENTORY_MOVEMENT_CREATED("internal_inventory_movement_created", INTERNAL_INVENTORY_MOVEMENTS_JSON),
        INTERNAL_INVENTORY_MOVEMENT_UPDATED("internal_inventory_movement_updated", INTERNAL_INVENTORY_MOVEMENTS_JSON),
        INTERNAL_INVENTORY_MOVEMENT_DELETED("internal_inventory_movement_deleted", INTERNAL_INVENTORY_MOVEMENT_DELETED_JSON),
        MATERIAL_STAGING_CREATED("material_staging_created", MATERIAL_STAGINGS_JSON),
        MATERIAL_STAGING_UPDATED("material_staging_updated", MATERIAL_STAGINGS_JSON),
        MATERIAL_STAGING_DELETED("material_staging_deleted", MATERIAL_STAGING_DELETED_JSON),
        LOT_CREATED("lot_created", LOTS_JSON),
        LOT_UPDATED("lot_updated", LOTS_JSON),
        LOT_DELETED("lot_deleted", LOT_DELETED_JSON),
        DOWNTIME_CREATED("downTime_created", DOWNTIME_JSON);

        private final String topic;
        private final String resource;

        Example(String topic, String resource) {
            this.topic = topic;
            this.resource = resource;
        }

        /** The {@code x-prodsmart-topic} header value. */
        public String topic() {
            return topic;
        }

        /** The classpath resource of the body. */
        public String resource() {
            return resource;
        }

        /** The body's bytes, as they are to be signed and sent. */
        public byte[] body() {
            return load(resource);
        }
    }

    private ProdsmartExamples() {
    }

    public static Optional<Example> forTopic(String topic) {
        return Arrays.stream(Example.values()).filter(e -> e.topic.equals(topic)).findFirst();
    }

    /** Reads one example resource from the classpath. */
    public static byte[] load(String resource) {
        try (InputStream in = ProdsmartExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no Prodsmart example on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
