package com.crossdock.suppliers.invoice;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PublishedRecords;

/**
 * The invoices already published, by key ({@code <supplier>:<invoice id>}): read back from the compacted
 * {@code Topics.SUPPLIER_INVOICE_RECEIVED} before the first poll, and added to once a page is stored (never before),
 * so each invoice is published once across restarts. The invoices' own event ids (from supplier and invoice id) make a
 * repeat harmless anyway; the ledger keeps it from happening.
 */
public final class InvoiceLedger {

    private final PublishedRecords published;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    public InvoiceLedger(PublishedRecords published) {
        this.published = published;
    }

    /** Whether the invoice of {@code key} was published; the first call reads the topic back (blocking). */
    public boolean published(String key) {
        load();
        return keys.contains(key);
    }

    void stored(String key) {
        keys.add(key);
    }

    /** Reads the published invoices back, once: the feed does it before its first read. */
    synchronized void load() {
        if (!loaded) {
            keys.addAll(published.latest(Topics.SUPPLIER_INVOICE_RECEIVED).keySet());
            loaded = true;
        }
    }
}
