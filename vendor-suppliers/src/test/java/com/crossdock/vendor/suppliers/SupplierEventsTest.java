package com.crossdock.vendor.suppliers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.crossdock.events.MovementType;
import com.crossdock.events.OrderKind;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChanged;
import com.crossdock.events.SupplierInvoiceReceived;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import org.junit.jupiter.api.Test;

class SupplierEventsTest {

    private static final Instant DAY = Instant.parse("2026-03-04T00:00:00Z");
    private final SupplierEvents events = new SupplierEvents(new Envelopes(Clock.fixed(DAY, ZoneOffset.UTC)));

    @Test
    void aSupplierOrderIsAPurchaseKeyedBySupplierAndItsId() {
        CanonicalEvent event = events.orderPlaced("vesna", new PlacedOrder("VS-1", DAY),
                List.of(new OrderLine("OC90", new BigDecimal("3"), null)), "EUR", "WH-KYIV", "corr");
        OrderPlaced order = (OrderPlaced) event.event();
        assertThat(event.topic()).isEqualTo(Topics.ORDER_PLACED);
        assertThat(event.key()).isEqualTo("vesna:VS-1");
        assertThat(order.getKind()).isEqualTo(OrderKind.PURCHASE);
        assertThat(order.getSupplier()).isEqualTo("vesna");
        assertThat(order.getEnvelope().getSourceSystem()).isEqualTo(SourceSystem.SUPPLIER);
        assertThat(order.getLines().get(0).getQuantity()).isEqualByComparingTo("3");
    }

    @Test
    void anInvoiceIsOneEventAndAReceivingMovementPerLineWithIdsFromSupplierAndInvoice() {
        Invoice invoice = new Invoice("77", "N-77", DAY, "UAH", new BigDecimal("30"), "OM-1", List.of(
                new Invoice.Line("OC90", "Filter", new BigDecimal("2"), new BigDecimal("10")),
                new Invoice.Line("GDB1330", "Pads", BigDecimal.ONE, new BigDecimal("10"))));
        List<CanonicalEvent> first = events.invoiceReceived("omega", invoice, "WH-KYIV", "read-1");
        List<CanonicalEvent> again = events.invoiceReceived("omega", invoice, "WH-KYIV", "read-2");

        assertThat(first).extracting(CanonicalEvent::topic).containsExactly(Topics.SUPPLIER_INVOICE_RECEIVED,
                Topics.STOCK_CHANGED, Topics.STOCK_CHANGED);
        SupplierInvoiceReceived received = (SupplierInvoiceReceived) first.get(0).event();
        assertThat(first.get(0).key()).isEqualTo("omega:77");
        assertThat(received.getOrderId()).isEqualTo("omega:OM-1");
        StockChanged movement = (StockChanged) first.get(1).event();
        assertThat(first.get(1).key()).isEqualTo(Topics.stockKey("OC90", "WH-KYIV"));
        assertThat(movement.getMovement().getMovementType()).isEqualTo(MovementType.RECEIVING);
        assertThat(movement.getQuantity()).isEqualByComparingTo("2");
        // the same invoice read twice is the same facts to every consumer
        assertThat(again).extracting(event -> eventId(event)).isEqualTo(first.stream().map(this::eventId).toList());
    }

    private String eventId(CanonicalEvent event) {
        return event.event() instanceof StockChanged stock ? stock.getEnvelope().getEventId().toString()
                : ((SupplierInvoiceReceived) event.event()).getEnvelope().getEventId().toString();
    }
}
