package com.crossdock.paqtana.view;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * Applies one record of a canonical topic to the view. A null value is a tombstone on a compacted topic: the
 * thing its key names is gone. A record whose schema cannot be had now is not skipped: the loader backs off and
 * reads it again ({@link InventoryViewLoader}). Only poison, a record that can never decode, is skipped (logged
 * and counted; the view re-reads the topics at every start, so a dead letter from here would be written again at
 * every start), and a view that skipped one is not complete ({@link ViewProgress#complete()}).
 */
final class ViewRecords implements ViewRecordHandler {

    private static final Logger log = LoggerFactory.getLogger(ViewRecords.class);

    private final InventoryView view;
    private final EventCodec codec;
    private final ViewProgress progress;
    private final InventoryChangeListener inventoryChanged;
    private final MeterRegistry meters;
    private final SentItems sentItems;

    ViewRecords(InventoryView view, EventCodec codec, ViewProgress progress, InventoryChangeListener inventoryChanged,
            MeterRegistry meters, SentItems sentItems) {
        this.view = view;
        this.codec = codec;
        this.progress = progress;
        this.inventoryChanged = inventoryChanged;
        this.meters = meters;
        this.sentItems = sentItems;
    }

    @Override
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        boolean changed = switch (record.topic()) {
            case Topics.ARTICLE_UPSERTED -> record.value() == null ? view.removeArticle(key(record))
                    : view.apply(codec.decode(record, ArticleUpserted.class));
            case Topics.STOCK_CHANGED -> record.value() != null && stock(codec.decode(record, StockChanged.class));
            case Topics.PRODUCTION_ORDER_CHANGED -> record.value() == null ? view.removeProductionOrder(key(record))
                    : productionOrder(codec.decode(record, ProductionOrderChanged.class));
            case Topics.ORDER_PLACED -> record.value() == null ? view.removeSalesOrder(key(record))
                    : view.apply(codec.decode(record, OrderPlaced.class));
            case Topics.PAQTANA_MASTER_INVENTORY_SENT -> sent(record);
            default -> false;
        };
        progress.applied(new TopicPartition(record.topic(), record.partition()), record.offset());
        if (changed) {
            inventoryChanged.inventoryChanged();
        }
    }

    /**
     * The error handler's recoverer for poison: the record is left out of the view, the view goes on reading but
     * is no longer complete, so nothing is PUT (readiness says why).
     */
    @Override
    public void skip(ConsumerRecord<?, ?> record, Exception failure) {
        log.error("Inventory view skips poison record {}-{}@{}; no master inventory is sent while it is left out: {}",
                record.topic(), record.partition(), record.offset(),
                NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
        meters.counter("crossdock.paqtana.view.skipped_records", "topic", record.topic()).increment();
        progress.skipped(new TopicPartition(record.topic(), record.partition()), record.offset());
    }

    /** Not part of the inventory: what Paqtana last received, for the publisher's first PUT after a start. */
    private boolean sent(ConsumerRecord<byte[], byte[]> record) {
        sentItems.apply(record);
        return false;
    }

    private boolean productionOrder(ProductionOrderChanged event) {
        ProductionOrderOutcome outcome = view.apply(event);
        meters.counter("crossdock.paqtana.view.production_order_changes", "outcome",
                outcome.name().toLowerCase(Locale.ROOT)).increment();
        return outcome.changesView();
    }

    private boolean stock(StockChanged event) {
        StockOutcome outcome = view.apply(event);
        // UPDATED/DELETED movements are counted, not applied: see StockOutcome.MOVEMENT_NOT_APPLICABLE
        meters.counter("crossdock.paqtana.view.stock_changes", "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .increment();
        return outcome.changesView();
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }
}
