package com.crossdock.ingress.webhook.store;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.crossdock.ingress.webhook.RawRecordHeaders;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.KafkaSpoolRecords;
import com.crossdock.platform.spool.SpoolRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends spooled webhooks to Kafka (acks=all) for the spool drainer. It also remembers each one's delivery id in
 * its provider's memory (found by the record's raw topic): a webhook that waited in the spool across a restart
 * was not in Kafka when the dedupe memory was rebuilt.
 */
public final class SpoolSender implements DurableSpool.Sender {

    /** Where a raw topic's delivery ids are remembered, and the record header that holds them. */
    public record Memory(DedupeMemory memory, String deliveryIdHeader) {
    }

    private final RawRecordSender sender;
    private final Map<String, Memory> byTopic;
    private final Clock clock;

    /** @param byTopic each provider's memory by its raw topic (and its quarantine topic, where it keeps one) */
    public SpoolSender(RawRecordSender sender, Map<String, Memory> byTopic, Clock clock) {
        this.sender = sender;
        this.byTopic = Map.copyOf(byTopic);
        this.clock = clock;
    }

    @Override
    public CompletableFuture<?> send(SpoolRecord spooled) {
        ProducerRecord<byte[], byte[]> record = KafkaSpoolRecords.toProducerRecord(spooled);
        Memory memory = byTopic.get(record.topic());
        String deliveryId = memory == null ? null : RawRecordHeaders.deliveryId(record.headers(), memory.deliveryIdHeader());
        if (deliveryId != null) {
            memory.memory().remember(deliveryId, RawRecordHeaders.receivedAt(record.headers(), clock.instant()));
        }
        return sender.send(record);
    }
}
