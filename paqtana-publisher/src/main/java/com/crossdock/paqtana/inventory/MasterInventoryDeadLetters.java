package com.crossdock.paqtana.inventory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.crossdock.paqtana.client.PayloadTooLargeException;
import com.crossdock.platform.kafka.DeadLetterHeaders;
import com.crossdock.platform.kafka.RawRecordSender;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;

/**
 * Records a master inventory that could not be sent on its own dead-letter topic, so that an operator sees it
 * next to the consumers' dead letters. There is no source record to keep: the value states the sizes.
 */
final class MasterInventoryDeadLetters implements TooLargeHandler {

    private final RawRecordSender sender;
    private final String topic;
    private final String group;
    private final Clock clock;

    MasterInventoryDeadLetters(RawRecordSender sender, String topic, String group, Clock clock) {
        this.sender = sender;
        this.topic = topic;
        this.group = group;
        this.clock = clock;
    }

    @Override
    public Mono<Void> tooLarge(PayloadTooLargeException failure, int rows) {
        String value = "{\"reason\":\"master inventory exceeds Paqtana's request limit\",\"rows\":" + rows
                + ",\"bytes\":" + failure.sizeBytes() + ",\"limitBytes\":" + failure.limitBytes() + "}";
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, utf8("master_inventory"), utf8(value));
        add(record, DeadLetterHeaders.FIRST_FAILED_AT, clock.instant().toString());
        add(record, DeadLetterHeaders.ATTEMPTS, "1");
        add(record, DeadLetterHeaders.FAILURE_CLASS, failure.getClass().getName());
        add(record, DeadLetterHeaders.FAILURE_MESSAGE, failure.getMessage());
        add(record, DeadLetterHeaders.CONSUMER_GROUP, group);
        failure.deadLetterHeaders().forEach((name, headerValue) -> add(record, name, headerValue));
        return Mono.fromFuture(() -> sender.send(record)).then();
    }

    private static void add(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, utf8(value));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
