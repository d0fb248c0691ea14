package com.crossdock.suppliers.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.crossdock.events.MovementType;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.events.SupplierInvoiceReceived;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.suppliers.GatewayTestSupport;
import com.crossdock.suppliers.client.SupplierClients;
import com.crossdock.testing.TopicReader;
import com.crossdock.testkit.Timeouts;
import com.crossdock.vendor.suppliers.SupplierEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class InvoicePollingTest extends GatewayTestSupport {

    @Autowired
    EventCodec codec;
    @Autowired
    PublishedRecords published;
    @Autowired
    SupplierClients clients;
    @Autowired
    SupplierEvents events;
    @Autowired
    JsonMapper json;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void eachInvoiceBecomesOneEventAndStockMovementsOnceAcrossRestarts() {
        String id = "INV-" + UUID.randomUUID();
        String date = LocalDate.now(ZoneId.of("Europe/Kyiv")).toString();
        assertThat(sandbox("POST", "/suppliers/omega/_sandbox/invoices", """
                {"id":"%s","number":"ВН-0042","date":"%s","currency":"UAH","total":825.00,"orderId":"OM-1",
                 "lines":[{"sku":"OC90","name":"Oil filter","quantity":2,"price":412.50}]}""".formatted(id, date)))
                .isEqualTo(200);
        String key = "omega:" + id;

        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> assertThat(invoices(key)).hasSize(1));
        SupplierInvoiceReceived invoice = codec.decode(invoices(key).get(0), SupplierInvoiceReceived.class);
        assertThat(invoice.getNumber()).isEqualTo("ВН-0042");
        assertThat(invoice.getOrderId()).isEqualTo("omega:OM-1");
        assertThat(invoice.getLocation()).isEqualTo("WH-KYIV");
        await().atMost(Timeouts.PATIENCE).untilAsserted(() -> {
            List<StockChanged> movements = TopicReader.shared().all(Topics.STOCK_CHANGED).stream()
                    .map(record -> codec.decode(record, StockChanged.class))
                    .filter(stock -> stock.getMovement() != null && (key + ":1").equals(stock.getMovement().getMovementId()))
                    .toList();
            assertThat(movements).singleElement().satisfies(movement -> {
                assertThat(movement.getKind()).isEqualTo(StockChangeKind.MOVEMENT);
                assertThat(movement.getMovement().getMovementType()).isEqualTo(MovementType.RECEIVING);
                assertThat(movement.getProductCode()).isEqualTo("OC90");
                assertThat(movement.getLocation()).isEqualTo("WH-KYIV");
                assertThat(movement.getQuantity()).isEqualByComparingTo(new BigDecimal("2"));
            });
        });

        // later polls list the invoice again: it is not published again
        long reads = omegaInvoiceReads();
        await().atMost(Timeouts.PATIENCE).until(() -> omegaInvoiceReads() >= reads + 2);
        assertThat(invoices(key)).hasSize(1);

        // a restarted service reads back what was published and publishes nothing of it again
        InvoiceFeed restarted = new InvoiceFeed(clients.find("omega").orElseThrow(), events,
                new InvoiceLedger(published), InvoiceConfiguration.RAW, json, "WH-KYIV", Duration.ofDays(30),
                ZoneId.of("Europe/Kyiv"), Clock.systemUTC());
        byte[] answer = restarted.fetch();
        assertThat(new String(answer)).contains(id);
        assertThat(restarted.page(answer, new FeedSource.Read("restart", java.time.Instant.now())).records())
                .noneMatch(record -> key.equals(record.key()));
    }

    private static List<ConsumerRecord<byte[], byte[]>> invoices(String key) {
        return TopicReader.shared().all(Topics.SUPPLIER_INVOICE_RECEIVED).stream()
                .filter(record -> key.equals(new String(record.key()))).toList();
    }

    /** The invoice reads of Omega so far, as the vendor client kit counts them. */
    private long omegaInvoiceReads() {
        return (long) meters.find("crossdock.vendor.calls").tag("vendor", "omega").tag("operation", "invoices")
                .counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }
}
