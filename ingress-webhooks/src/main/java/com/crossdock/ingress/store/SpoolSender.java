package com.crossdock.ingress.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.spool.DurableSpool;
import com.crossdock.platform.spool.KafkaSpoolRecords;
import com.crossdock.platform.spool.SpoolRecord;

/**
 * Sends spooled webhooks to Kafka (acks=all) for the spool drainer. It also remembers each one's uuid: a
 * webhook that waited in the spool across a restart was not in Kafka when the dedupe memory was rebuilt.
 */
public final class SpoolSender implements DurableSpool.Sender {

    private final RawRecordSender sender;
    private final DedupeMemory memory;
    private final String uuidHeader;
    private final String receivedAtHeader;
    private final Clock clock;

    public SpoolSender(RawRecordSender sender, DedupeMemory memory, String uuidHeader, String receivedAtHeader, Clock clock) {
        this.sender = sender;
        this.memory = memory;
        this.uuidHeader = uuidHeader;
        this.receivedAtHeader = receivedAtHeader;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<?> send(SpoolRecord record) {
        String uuid = header(record, uuidHeader);
        if (uuid != null) {
            memory.remember(uuid, receivedAt(record));
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
