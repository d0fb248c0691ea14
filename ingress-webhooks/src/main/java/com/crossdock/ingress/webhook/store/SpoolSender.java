package com.crossdock.ingress.webhook.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.KafkaSpoolRecords;
import com.crossdock.platform.spool.SpoolRecord;

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
    private final String receivedAtHeader;
    private final Clock clock;

    /** @param byTopic each provider's memory by its raw topic */
    public SpoolSender(RawRecordSender sender, Map<String, Memory> byTopic, String receivedAtHeader, Clock clock) {
        this.sender = sender;
        this.byTopic = Map.copyOf(byTopic);
        this.receivedAtHeader = receivedAtHeader;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<?> send(SpoolRecord record) {
        Memory memory = byTopic.get(record.topic());
        String deliveryId = memory == null ? null : header(record, memory.deliveryIdHeader());
        if (deliveryId != null) {
            memory.memory().remember(deliveryId, receivedAt(record));
        }
        return sender.send(KafkaSpoolRecords.toProducerRecord(record));
    }

    private Instant receivedAt(SpoolRecord record) {
        String receivedAt = header(record, receivedAtHeader);
        try {
            return receivedAt == null ? clock.instant() : Instant.parse(receivedAt);
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    private static String header(SpoolRecord record, String name) {
        String value = null;
        for (SpoolRecord.Header header : record.headers()) {
            if (header.name().equals(name) && header.value() != null) {
                value = new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return value;
    }
}
