package com.crossdock.vendor.suppliers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.events.Envelope;
import com.crossdock.events.MovementAction;
import com.crossdock.events.MovementType;
import com.crossdock.events.OrderKind;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.events.SupplierInvoiceLine;
import com.crossdock.events.SupplierInvoiceReceived;
import com.crossdock.events.TenantScope;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;

/**
 * The one canonical mapping of every supplier: an order placed with a supplier is an {@code OrderPlaced} of kind
 * PURCHASE (never demand at Paqtana), and a supplier invoice is a {@code SupplierInvoiceReceived} plus one
 * {@code StockChanged} RECEIVING movement per line at the receiving location, so the invoice becomes stock (the
 * document's fourth operation: invoices turned into incoming-goods documents "INC"). Event ids derive from the
 * supplier and its own ids, so the same order or invoice read twice is one fact to every consumer.
 */
public final class SupplierEvents {

    private static final int SCALE = 6;

    private final Envelopes envelopes;

    public SupplierEvents(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    /** A purchase's order id on the canonical topic: {@code <supplier>:<the supplier's order id>}, never a sale's key. */
    public static String orderId(String supplier, String supplierOrderId) {
        return supplier + ":" + supplierOrderId;
    }

    /** An invoice's key on {@code Topics.SUPPLIER_INVOICE_RECEIVED}: {@code <supplier>:<invoice id>}. */
    public static String invoiceKey(String supplier, String invoiceId) {
        return supplier + ":" + invoiceId;
    }

    /**
     * The order a supplier took, as an {@code OrderPlaced} PURCHASE with source SUPPLIER.
     *
     * @param location      where the goods are to arrive (the receiving location; empty = the consumer's default)
     * @param correlationId ties the event to the request that placed the order
     */
    public CanonicalEvent orderPlaced(String supplier, PlacedOrder order, List<OrderLine> lines, String currency,
            String location, String correlationId) {
        String orderId = orderId(supplier, order.orderId());
        Envelope envelope = envelopes.envelope(SourceSystem.SUPPLIER, orderId, order.placedAt(), correlationId,
                "supplier-order:" + orderId, tenant(location));
        OrderPlaced event = OrderPlaced.newBuilder()
                .setEnvelope(envelope)
                .setOrderId(orderId)
                .setStatus("placed")
                .setPlacedAt(order.placedAt())
                .setCurrency(currency)
                .setLocation(location)
                .setKind(OrderKind.PURCHASE)
                .setSupplier(supplier)
                .setLines(lines.stream().map(line -> com.crossdock.events.OrderLine.newBuilder()
                        .setSku(line.article())
                        .setQuantity(scaled(line.quantity()))
                        .setUnitPrice(line.unitPrice() == null ? null : scaled(line.unitPrice()))
                        .build()).toList())
                .build();
        return new CanonicalEvent(Topics.ORDER_PLACED, orderId, event);
    }

    /**
     * The invoice, then one RECEIVING movement per line at {@code location} (the stock-keeping location the goods
     * arrive at, issue 9's location rule: empty is the consumer's default location), each keyed by product and
     * location like every stock event.
     */
    public List<CanonicalEvent> invoiceReceived(String supplier, Invoice invoice, String location,
            String correlationId) {
        String key = invoiceKey(supplier, invoice.invoiceId());
        String seed = "supplier-invoice:" + key;
        List<CanonicalEvent> events = new ArrayList<>();
        SupplierInvoiceReceived received = SupplierInvoiceReceived.newBuilder()
                .setEnvelope(envelopes.envelope(SourceSystem.SUPPLIER, key, invoice.issuedAt(), correlationId, seed,
                        tenant(location)))
                .setSupplier(supplier)
                .setInvoiceId(invoice.invoiceId())
                .setNumber(invoice.number())
                .setIssuedAt(invoice.issuedAt())
                .setCurrency(invoice.currency())
                .setTotal(invoice.total() == null ? null : scaled(invoice.total()))
                .setOrderId(invoice.orderId() == null ? null : orderId(supplier, invoice.orderId()))
                .setLocation(location)
                .setLines(invoice.lines().stream().map(line -> SupplierInvoiceLine.newBuilder()
                        .setSku(line.sku())
                        .setName(line.name())
                        .setQuantity(scaled(line.quantity()))
                        .setUnitPrice(line.unitPrice() == null ? null : scaled(line.unitPrice()))
                        .build()).toList())
                .build();
        events.add(new CanonicalEvent(Topics.SUPPLIER_INVOICE_RECEIVED, key, received));
        for (int i = 0; i < invoice.lines().size(); i++) {
            events.add(movement(supplier, invoice, i, location, correlationId, seed));
        }
        return events;
    }

    private CanonicalEvent movement(String supplier, Invoice invoice, int index, String location,
            String correlationId, String seed) {
        Invoice.Line line = invoice.lines().get(index);
        String movementId = invoiceKey(supplier, invoice.invoiceId()) + ":" + (index + 1);
        StockChanged event = StockChanged.newBuilder()
                .setEnvelope(envelopes.envelope(SourceSystem.SUPPLIER, movementId, invoice.issuedAt(), correlationId,
                        seed + ":line:" + (index + 1), tenant(location)))
                .setKind(StockChangeKind.MOVEMENT)
                .setProductCode(line.sku())
                .setLocation(location)
                .setQuantity(scaled(line.quantity()))
                .setMovement(com.crossdock.events.Movement.newBuilder()
                        .setAction(MovementAction.CREATED)
                        .setMovementType(MovementType.RECEIVING)
                        .setMovementId(movementId)
                        .setReference(invoice.number() != null ? invoice.number() : invoice.invoiceId())
                        .setDate(invoice.issuedAt())
                        .build())
                .build();
        return new CanonicalEvent(Topics.STOCK_CHANGED, Topics.stockKey(line.sku(), location), event);
    }

    private static TenantScope tenant(String location) {
        return location == null || location.isEmpty() ? null
                : TenantScope.newBuilder().setOrganisation(null).setLocation(location).build();
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** When a supplier does not say when it took an order: the time of its answer. */
    public static PlacedOrder placedNow(String orderId, Instant now) {
        return new PlacedOrder(orderId, now);
    }
}
