package com.crossdock.suppliers.invoice;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.Page;
import com.crossdock.platform.poller.RawItems;
import com.crossdock.suppliers.client.SupplierClient;
import com.crossdock.vendor.suppliers.Invoice;
import com.crossdock.vendor.suppliers.SupplierEvents;
import com.crossdock.vendor.suppliers.SupplierPayloadException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One supplier's invoices as a channel of the poller kit: each poll asks for the invoices of the last
 * {@code invoice-lookback}, publishes the ones not yet published ({@link InvoiceLedger}) as a SupplierInvoiceReceived
 * and a StockChanged RECEIVING movement per line, and marks them published only once the kit has stored the page
 * ({@link #saved}). An answer the supplier's reader cannot read is kept whole on the raw topic with the reason.
 */
final class InvoiceFeed implements FeedSource {

    private static final Duration CALL_LIMIT = Duration.ofMinutes(2);

    private final SupplierClient client;
    private final SupplierEvents events;
    private final InvoiceLedger ledger;
    private final RawItems raw;
    private final JsonMapper json;
    private final String location;
    private final Duration lookback;
    private final ZoneId zone;
    private final Clock clock;

    InvoiceFeed(SupplierClient client, SupplierEvents events, InvoiceLedger ledger, RawItems raw, JsonMapper json,
            String location, Duration lookback, ZoneId zone, Clock clock) {
        this.client = client;
        this.events = events;
        this.ledger = ledger;
        this.raw = raw;
        this.json = json;
        this.location = location;
        this.lookback = lookback;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return client.name();
    }

    @Override
    public String type() {
        return "invoice";
    }

    @Override
    public byte[] fetch() {
        ledger.load();
        LocalDate from = LocalDate.now(clock.withZone(zone)).minusDays(lookback.toDays());
        return json.writeValueAsBytes(client.invoiceAnswer(from).block(CALL_LIMIT));
    }

    @Override
    public Page page(byte[] answer, Read read) {
        List<Invoice> invoices;
        try {
            invoices = client.readInvoices(json.readTree(answer));
        } catch (SupplierPayloadException | JacksonException e) {
            return new Page(List.of(raw.item(channel(), type(), answer, read.id(), e.getMessage())), 0, false);
        }
        List<Outgoing> records = new ArrayList<>();
        Set<String> fresh = new LinkedHashSet<>();
        for (Invoice invoice : invoices) {
            String key = SupplierEvents.invoiceKey(client.name(), invoice.invoiceId());
            if (!ledger.published(key) && fresh.add(key)) {
                for (CanonicalEvent event : events.invoiceReceived(client.name(), invoice, location, read.id())) {
                    records.add(Outgoing.event(event));
                }
            }
        }
        // one answer lists every invoice of the lookback: never "full", the next poll waits the idle interval
        return new Page(records, fresh.size(), false);
    }

    /** The page is in Kafka or the spool: its invoices count as published from now on. */
    @Override
    public void saved(Page page) {
        page.records().stream().filter(record -> Topics.SUPPLIER_INVOICE_RECEIVED.equals(record.topic()))
                .forEach(record -> ledger.stored(record.key()));
    }
}
