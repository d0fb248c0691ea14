package com.crossdock.vendor.prodsmart;

import java.math.BigDecimal;
import java.time.Instant;

import com.crossdock.events.Envelope;
import com.crossdock.events.MovementAction;
import com.crossdock.events.MovementType;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.Deleted;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.Movement;
import com.crossdock.vendor.prodsmart.WebhookTopic.Entity;

/** Shipping, receiving and internal inventory-movement webhooks to {@code StockChanged} MOVEMENT events. */
final class StockMovements {

    private static final BigDecimal NOTHING = BigDecimal.ZERO.setScale(6);

    private StockMovements() {
    }

    /**
     * One movement of a {@code *_inventory_movement_created|updated} webhook, keyed by product and location. The
     * location is the company's one stock-keeping location (crossdock.prodsmart.location), the place of the
     * levels the movement adds to (the STOCK feed and {@code GET /api/stock/{code}} name none); its bin
     * ({@code warehouse-location}) and warehouse are details that never split the stock row. Its date is the
     * movement's own ({@code date}): a movement dated at or before the latest level is already in that level.
     */
    static CanonicalEvent changed(WebhookTopic topic, Movement movement, Envelope envelope, String location) {
        StockChanged event = StockChanged.newBuilder()
                .setEnvelope(envelope)
                .setKind(StockChangeKind.MOVEMENT)
                .setProductCode(movement.productCode())
                .setLocation(location)
                .setBin(movement.bin())
                .setWarehouse(movement.warehouse())
                .setLot(movement.lot())
                .setQuantity(movement.quantity())
                .setUnitOfMeasure(movement.unitOfMeasure())
                .setMovement(movementOf(topic, movement.id(), movement.reference(), movement.date()))
                .build();
        return new CanonicalEvent(Topics.STOCK_CHANGED, Topics.stockKey(movement.productCode(), location), event);
    }

    /**
     * A deleted movement: Prodsmart sends only {@code {"id": ...}} (prodsmart-api.pl.txt, "Usunięto ruch
     * magazynowy"). It is published rather than kept raw so that the fact is on the canonical topic, with what
     * is known: quantity 0 (a consumer that sums deltas is not skewed), product empty, the company's location, key
     * {@code movement:<id>} (there is no product|location to key by, so it is not ordered with the movement it
     * deletes). A consumer can reverse it only if it kept the original movement by {@code movementId}; stock
     * levels are otherwise corrected by the next LEVEL event (the change feed / reconciliation).
     */
    static CanonicalEvent deleted(WebhookTopic topic, Deleted deleted, Envelope envelope, String location) {
        StockChanged event = StockChanged.newBuilder()
                .setEnvelope(envelope)
                .setKind(StockChangeKind.MOVEMENT)
                .setProductCode("")
                .setLocation(location)
                .setQuantity(NOTHING)
                .setMovement(movementOf(topic, deleted.id(), null, null))
                .build();
        return new CanonicalEvent(Topics.STOCK_CHANGED, "movement:" + deleted.id(), event);
    }

    private static com.crossdock.events.Movement movementOf(WebhookTopic topic, String id, String reference,
            Instant date) {
        return com.crossdock.events.Movement.newBuilder()
                .setAction(MovementAction.valueOf(topic.action().orElseThrow().name()))
                .setMovementType(movementType(topic.entity()))
                .setMovementId(id)
                .setReference(reference)
                .setDate(date)
                .build();
    }

    private static MovementType movementType(Entity entity) {
        return switch (entity) {
            case SHIPPING_MOVEMENT -> MovementType.SHIPPING;
            case RECEIVING_MOVEMENT -> MovementType.RECEIVING;
            case INTERNAL_MOVEMENT -> MovementType.INTERNAL;
            default -> MovementType.OTHER;
        };
    }
}
