package com.crossdock.paqtana;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.ChangeAction;
import com.crossdock.events.Envelope;
import com.crossdock.events.Movement;
import com.crossdock.events.MovementAction;
import com.crossdock.events.MovementType;
import com.crossdock.events.OrderLine;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.ProductionOrderLine;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;

/** Canonical events for tests, with the fields that matter here and plausible envelopes. */
public final class TestEvents {

    public static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    public static final Instant AFTER_NOW = NOW.plusSeconds(60);

    private TestEvents() {
    }

    public static BigDecimal qty(String value) {
        return new BigDecimal(value).setScale(6, RoundingMode.UNNECESSARY);
    }

    public static Envelope envelope(UUID eventId) {
        return Envelope.newBuilder().setEventId(eventId).setOccurredAt(NOW).setPublishedAt(NOW)
                .setSourceSystem(SourceSystem.PRODSMART).setSourceId("test").setCorrelationId("corr-" + eventId)
                .setTenant(null).build();
    }

    public static ArticleUpserted article(String code, String description) {
        return ArticleUpserted.newBuilder().setEnvelope(envelope(UUID.randomUUID())).setCode(code)
                .setDescription(description).setUnitOfMeasure("pcs").setMaterialType("FINISHED").setCurrency("EUR")
                .setUnitCost(qty("12.5")).setMinimumOrderQuantity(qty("10")).setMultipleOrderQuantity(qty("5"))
                .setSupplyLeadTimeDays(7).build();
    }

    public static ArticleUpserted articleDeleted(String code) {
        return ArticleUpserted.newBuilder().setEnvelope(envelope(UUID.randomUUID())).setCode(code).setDeleted(true)
                .build();
    }

    /** A stock level as of {@link #NOW}. */
    public static StockChanged level(String product, String location, String quantity) {
        return levelAt(product, location, quantity, NOW);
    }

    /** A stock level as of {@code asOf} (the envelope's occurredAt: the level's time at the vendor). */
    public static StockChanged levelAt(String product, String location, String quantity, Instant asOf) {
        Envelope envelope = envelope(UUID.randomUUID());
        envelope.setOccurredAt(asOf);
        return StockChanged.newBuilder().setEnvelope(envelope).setKind(StockChangeKind.LEVEL)
                .setProductCode(product).setLocation(location).setQuantity(qty(quantity)).build();
    }

    /** A movement dated {@link #AFTER_NOW}: after the levels of {@link #level}, so it counts on top of them. */
    public static StockChanged movement(UUID eventId, MovementAction action, String product, String location,
            String delta) {
        return movementAt(eventId, action, product, location, delta, AFTER_NOW);
    }

    /** A movement with its own date ({@code movement.date}; the envelope's occurredAt stays {@link #NOW}). */
    public static StockChanged movementAt(UUID eventId, MovementAction action, String product, String location,
            String delta, Instant date) {
        return StockChanged.newBuilder().setEnvelope(envelope(eventId)).setKind(StockChangeKind.MOVEMENT)
                .setProductCode(product).setLocation(location).setQuantity(qty(delta))
                .setMovement(Movement.newBuilder().setAction(action).setMovementType(MovementType.RECEIVING)
                        .setDate(date).build())
                .build();
    }

    public static ProductionOrderChanged productionOrder(String orderId, String location, ChangeAction action,
            boolean ended, boolean active, ProductionOrderLine... lines) {
        return productionOrderAt(NOW, orderId, location, action, ended, active, lines);
    }

    /** A production order's full state as of {@code changedAt} at the vendor (the envelope's occurredAt). */
    public static ProductionOrderChanged productionOrderAt(Instant changedAt, String orderId, String location,
            ChangeAction action, boolean ended, boolean active, ProductionOrderLine... lines) {
        Envelope envelope = envelope(UUID.randomUUID());
        envelope.setOccurredAt(changedAt);
        return ProductionOrderChanged.newBuilder().setEnvelope(envelope).setAction(action)
                .setOrderId(orderId).setLocation(location).setEnded(ended).setActive(active)
                .setLines(Arrays.asList(lines)).build();
    }

    public static ProductionOrderLine toProduce(String product, String ordered, String produced) {
        return ProductionOrderLine.newBuilder().setProductCode(product).setQuantityOrdered(qty(ordered))
                .setQuantityProduced(produced == null ? null : qty(produced)).build();
    }

    public static OrderPlaced order(String orderId, String status, boolean cancelled, Instant placedAt,
            OrderLine... lines) {
        return OrderPlaced.newBuilder().setEnvelope(envelope(UUID.nameUUIDFromBytes(orderId.getBytes())))
                .setOrderId(orderId).setStatus(status).setCancelled(cancelled).setPlacedAt(placedAt)
                .setLines(List.of(lines)).build();
    }

    public static OrderLine line(String sku, String quantity, String location, Instant dueDate) {
        return OrderLine.newBuilder().setSku(sku).setQuantity(qty(quantity)).setLocation(location)
                .setDueDate(dueDate).build();
    }
}
