package com.crossdock.ingress.prodsmart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.events.ChangeAction;
import com.crossdock.events.Envelope;
import com.crossdock.events.MovementAction;
import com.crossdock.events.MovementType;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.ProductionOrderLine;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.ingress.prodsmart.ProdsmartPayload.Deleted;
import com.crossdock.ingress.prodsmart.ProdsmartPayload.Movement;
import com.crossdock.ingress.prodsmart.ProdsmartPayload.Movements;
import com.crossdock.ingress.prodsmart.ProdsmartPayload.ProductionOrder;
import com.crossdock.ingress.prodsmart.WebhookTopic.Action;
import com.crossdock.ingress.prodsmart.WebhookTopic.Entity;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;

/**
 * Prodsmart webhooks to canonical events, as a pure function of the raw webhook (plus the publishing clock in
 * the envelope). Event ids are derived from the webhook uuid and the item's index
 * ({@code prodsmart-webhook:<uuid>:<index>}), so a duplicate delivery, a spool re-send or a replay of the raw
 * record yields identical event ids and consumers apply each fact once.
 */
public final class ProdsmartEventMapper {

    private static final BigDecimal NOTHING = BigDecimal.ZERO.setScale(6);

    private final Envelopes envelopes;

    public ProdsmartEventMapper(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    /** The events a webhook states; none for topics that are kept raw. */
    public List<CanonicalEvent> map(RawWebhook webhook, WebhookTopic topic, ProdsmartPayload payload) {
        if (payload instanceof ProductionOrder order) {
            return List.of(productionOrder(webhook, topic.action().orElseThrow(), order));
        }
        if (payload instanceof Movements movements) {
            List<CanonicalEvent> events = new ArrayList<>();
            for (int i = 0; i < movements.movements().size(); i++) {
                events.add(movement(webhook, topic, i, movements.movements().get(i)));
            }
            return events;
        }
        if (payload instanceof Deleted deleted) {
            return List.of(deletedMovement(webhook, topic, deleted));
        }
        // Unmapped: lots, material staging, punch clock, downtime and unknown topics stay raw until needed
        return List.of();
    }

    private CanonicalEvent productionOrder(RawWebhook webhook, Action action, ProductionOrder order) {
        List<ProductionOrderLine> lines = new ArrayList<>();
        for (ProdsmartPayload.OrderLine line : order.lines()) {
            lines.add(ProductionOrderLine.newBuilder()
                    .setProductCode(line.productCode())
                    .setQuantityOrdered(line.quantityOrdered())
                    .setQuantityProduced(line.quantityProduced())
                    .build());
        }
        ProductionOrderChanged event = ProductionOrderChanged.newBuilder()
                .setEnvelope(envelope(webhook, order.id(), 0))
                .setAction(ChangeAction.valueOf(action.name()))
                .setOrderId(order.id())
                .setCode(order.code())
                .setStatus(order.status())
                .setRunningStatus(order.runningStatus())
                .setStartDate(order.startDate())
                .setDueDate(order.dueDate())
                .setEnded(order.ended())
                .setActive(action != Action.DELETED)
                .setLines(lines)
                .build();
        return new CanonicalEvent(Topics.PRODUCTION_ORDER_CHANGED, order.id(), event);
    }

    private CanonicalEvent movement(RawWebhook webhook, WebhookTopic topic, int index, Movement movement) {
        // the document's movement example has no movement id: then the delivery is the source's only id for it
        String sourceId = movement.id() != null ? movement.id() : webhook.uuid() + ":" + index;
        StockChanged event = StockChanged.newBuilder()
                .setEnvelope(envelope(webhook, sourceId, index))
                .setKind(StockChangeKind.MOVEMENT)
                .setProductCode(movement.productCode())
                .setLocation(movement.location())
                .setWarehouse(movement.warehouse())
                .setLot(movement.lot())
                .setQuantity(movement.quantity())
                .setUnitOfMeasure(movement.unitOfMeasure())
                .setMovement(movementOf(topic, movement.id(), movement.reference()))
                .build();
        return new CanonicalEvent(Topics.STOCK_CHANGED, Topics.stockKey(movement.productCode(), movement.location()), event);
    }

    /**
     * A deleted movement: Prodsmart sends only {@code {"id": ...}} (prodsmart-api.pl.txt, "Usunięto ruch
     * magazynowy"). It is published rather than kept raw so that the fact is on the canonical topic, with what
     * is known: quantity 0 (a consumer that sums deltas is not skewed), product and location empty, key
     * {@code movement:<id>} (there is no product|location to key by, so it is not ordered with the movement it
     * deletes). A consumer can reverse it only if it kept the original movement by {@code movementId}; stock
     * levels are otherwise corrected by the next LEVEL event (the change feed / reconciliation).
     */
    private CanonicalEvent deletedMovement(RawWebhook webhook, WebhookTopic topic, Deleted deleted) {
        StockChanged event = StockChanged.newBuilder()
                .setEnvelope(envelope(webhook, deleted.id(), 0))
                .setKind(StockChangeKind.MOVEMENT)
                .setProductCode("")
                .setLocation("")
                .setQuantity(NOTHING)
                .setMovement(movementOf(topic, deleted.id(), null))
                .build();
        return new CanonicalEvent(Topics.STOCK_CHANGED, "movement:" + deleted.id(), event);
    }

    private static com.crossdock.events.Movement movementOf(WebhookTopic topic, String id, String reference) {
        return com.crossdock.events.Movement.newBuilder()
                .setAction(MovementAction.valueOf(topic.action().orElseThrow().name()))
                .setMovementType(movementType(topic.entity()))
                .setMovementId(id)
                .setReference(reference)
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

    private Envelope envelope(RawWebhook webhook, String sourceId, int index) {
        return envelopes.envelope(SourceSystem.PRODSMART, sourceId, webhook.triggeredAt(), webhook.correlationId(),
                "prodsmart-webhook:" + webhook.uuid() + ":" + index, null);
    }
}
