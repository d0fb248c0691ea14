package com.crossdock.vendor.prodsmart;

import java.util.ArrayList;
import java.util.List;

import com.crossdock.events.ChangeAction;
import com.crossdock.events.Envelope;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.ProductionOrderLine;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.OrderLine;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.ProductionOrder;

/**
 * The one Prodsmart production order to {@code ProductionOrderChanged}, for the webhook and the change feed or
 * list alike; only the action and the envelope differ by where the order was read.
 */
final class ProductionOrders {

    private ProductionOrders() {
    }

    /**
     * The action a change-feed or list item states: it carries the order's current state and no verb, and a
     * deleted order is the one whose {@code running-status} is gone ("Kanały źródła danych zmian", ZAMÓWIENIA
     * PRODUKCJI: "po usunięciu zamówienia produkcji w polu stanu uruchomienia zostanie usunięta wartość"). A
     * webhook's action is its topic's.
     */
    static ChangeAction itemAction(ProductionOrder order) {
        return order.runningStatus() == null ? ChangeAction.DELETED : ChangeAction.UPDATED;
    }

    /**
     * {@code active} is Prodsmart's own flag where the body states it ({@code is-active} / {@code active}, see
     * {@link ProdsmartPayloads}); the webhook body states none, and then the action decides: a deleted order is
     * inactive, any other active (the schema's default). The order produces into the company's one stock-keeping
     * {@code location} (crossdock.prodsmart.location), where its movements and levels are; Prodsmart's own
     * location of the order is its {@code site}, a detail.
     */
    static CanonicalEvent changed(ProductionOrder order, ChangeAction action, Envelope envelope, String location) {
        List<ProductionOrderLine> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            lines.add(ProductionOrderLine.newBuilder()
                    .setProductCode(line.productCode())
                    .setQuantityOrdered(line.quantityOrdered())
                    .setQuantityProduced(line.quantityProduced())
                    .build());
        }
        ProductionOrderChanged event = ProductionOrderChanged.newBuilder()
                .setEnvelope(envelope)
                .setAction(action)
                .setOrderId(order.id())
                .setCode(order.code())
                .setStatus(order.status())
                .setRunningStatus(order.runningStatus())
                .setStartDate(order.startDate())
                .setDueDate(order.dueDate())
                .setEnded(order.ended())
                .setActive(active(order, action))
                .setLocation(location)
                .setSite(order.site())
                .setLines(lines)
                .build();
        return new CanonicalEvent(Topics.PRODUCTION_ORDER_CHANGED, order.id(), event);
    }

    private static boolean active(ProductionOrder order, ChangeAction action) {
        if ("closed".equals(order.runningStatus()) || "archived".equals(order.runningStatus())) {
            return false;
        }
        return order.active() != null ? order.active() : action != ChangeAction.DELETED;
    }
}
