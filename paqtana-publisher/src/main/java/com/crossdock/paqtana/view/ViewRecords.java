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
 * thing its key names is gone. A record that cannot be applied is skipped (logged and counted): the view
 * re-reads the topics at every start, so a dead letter from here would be written again at every start; the
 * demand consumer, which commits, dead-letters unreadable orders.
 */
final class ViewRecords {

    private static final Logger log = LoggerFactory.getLogger(ViewRecords.class);

    private final InventoryView view;
    private final EventCodec codec;
    private final ViewProgress progress;
    private final InventoryChangeListener inventoryChanged;
    private final MeterRegistry meters;

    ViewRecords(InventoryView view, EventCodec codec, ViewProgress progress, InventoryChangeListener inventoryChanged,
            MeterRegistry meters) {
        this.view = view;
        this.codec = codec;
        this.progress = progress;
        this.inventoryChanged = inventoryChanged;
        this.meters = meters;
    }

    void apply(ConsumerRecord<byte[], byte[]> record) {
        boolean changed = switch (record.topic()) {
            case Topics.ARTICLE_UPSERTED -> record.value() == null ? view.removeArticle(key(record))
                    : view.apply(codec.decode(record, ArticleUpserted.class));
            case Topics.STOCK_CHANGED -> record.value() != null && stock(codec.decode(record, StockChanged.class));
            case Topics.PRODUCTION_ORDER_CHANGED -> record.value() == null ? view.removeProductionOrder(key(record))
                    : view.apply(codec.decode(record, ProductionOrderChanged.class));
            case Topics.ORDER_PLACED -> record.value() == null ? view.removeSalesOrder(key(record))
                    : view.apply(codec.decode(record, OrderPlaced.class));
            default -> false;
        };
        progress.applied(new TopicPartition(record.topic(), record.partition()), record.offset());
        if (changed) {
            inventoryChanged.inventoryChanged();
        }
    }

    /** The error handler's recoverer: the record is left out of the view, and the view goes on. */
    void skip(ConsumerRecord<?, ?> record, Exception failure) {
        log.warn("Inventory view skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
        meters.counter("crossdock.paqtana.view.skipped_records", "topic", record.topic()).increment();
        progress.applied(new TopicPartition(record.topic(), record.partition()), record.offset());
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
