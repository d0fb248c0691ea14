package com.crossdock.paqtana.demand;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.crossdock.events.OrderPlaced;
import com.crossdock.paqtana.view.InventoryView;
import com.crossdock.paqtana.view.ViewProgress;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Sales demand to Paqtana, synchronously through the vendor policy: a failing Paqtana holds back only this
 * consumer. The view (which reads the same topic on its own) keeps every order's latest version; this listener
 * waits until the view has applied its record, then sends the current totals of every day and item the order
 * ever touched. It commits normally as its group (the {@code paqtanaPublisherGroup} bean, which also names the
 * topics it listens on: the order topic and the group's retry topic) and starts only once the view has
 * caught up; unreadable records and Paqtana's 4xx (not 408/429) go to the group's dead-letter topic through the
 * platform's error handler, so it never catches.
 */
final class OrderPlacedListener {

    private final EventCodec codec;
    private final InventoryView view;
    private final ViewProgress progress;
    private final HistoricalDemandPublisher publisher;
    private final Duration viewWaitTimeout;

    OrderPlacedListener(EventCodec codec, InventoryView view, ViewProgress progress,
            HistoricalDemandPublisher publisher, Duration viewWaitTimeout) {
        this.codec = codec;
        this.view = view;
        this.progress = progress;
        this.publisher = publisher;
        this.viewWaitTimeout = viewWaitTimeout;
    }

    /**
     * One record per poll: each may hold the thread for a whole vendor-policy run (attempts × timeout + backoff),
     * which must stay under max.poll.interval.ms; the fetch itself still brings records in batches.
     */
    @KafkaListener(id = "#{@paqtanaPublisherGroup.id()}", groupId = "#{@paqtanaPublisherGroup.id()}",
            topics = "#{@paqtanaPublisherGroup.listenTopics()}", autoStartup = "false",
            properties = "max.poll.records=1")
    void onOrder(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        OrderPlaced order = record.value() == null ? null : codec.decode(record, OrderPlaced.class);
        String orderId = order != null ? order.getOrderId()
                : record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (orderId == null) {
            return; // a tombstone without a key names no order
        }
        awaitView(record);
        publisher.publish(view.demandKeys(orderId, order)).block();
    }

    /** Records of the retry topic are copies of records the view has read already (it caught up before start). */
    private void awaitView(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        if (!record.topic().equals(Topics.ORDER_PLACED)) {
            return;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (!progress.awaitApplied(partition, record.offset(), viewWaitTimeout)) {
            throw new ViewBehindException("the inventory view has not applied " + partition + "@" + record.offset()
                    + " within " + viewWaitTimeout);
        }
    }
}
