package com.crossdock.paqtana.inventory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.crossdock.paqtana.view.ItemKey;
import com.crossdock.paqtana.view.SentItems;
import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The items Paqtana last received, kept on {@code Topics.PAQTANA_MASTER_INVENTORY_SENT}: an accepted PUT records
 * a record per item added and a tombstone per item gone; the view loader reads the topic back at start
 * ({@link SentItems}). State in Kafka, never in a private database (DESIGN.md).
 */
final class KafkaSentItems implements LastSentItems {

    private static final byte[] PRESENT = "1".getBytes(StandardCharsets.UTF_8);

    private final RawRecordSender sender;
    private final SentItems read;

    KafkaSentItems(RawRecordSender sender, SentItems read) {
        this.sender = sender;
        this.read = read;
    }

    @Override
    public Set<ItemKey> read() {
        return read.snapshot();
    }

    @Override
    public Mono<Void> record(Set<ItemKey> before, Set<ItemKey> after) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (ItemKey item : after) {
            if (!before.contains(item)) {
                records.add(new ProducerRecord<>(Topics.PAQTANA_MASTER_INVENTORY_SENT, SentItems.key(item), PRESENT));
            }
        }
        for (ItemKey item : before) {
            if (!after.contains(item)) {
                records.add(new ProducerRecord<>(Topics.PAQTANA_MASTER_INVENTORY_SENT, SentItems.key(item), null));
            }
        }
        return Flux.fromIterable(records).flatMap(record -> Mono.fromFuture(() -> sender.send(record)), 256).then();
    }
}
