package com.crossdock.suppliers.order;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PublishedRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome of every {@code Idempotency-Key}, kept in Kafka ({@code Topics.SUPPLIER_ORDER_KEYS}, compacted) and in
 * memory; rebuilt from the topic when the service starts, before any order is taken, so a key repeated after a restart
 * is answered as the first time, never ordered again. State in Kafka, no private database (DESIGN.md).
 */
public final class OrderKeys {

    private static final Logger log = LoggerFactory.getLogger(OrderKeys.class);

    private final RawRecordSender sender;
    private final JsonMapper json;
    private final Map<String, KeyOutcome> outcomes = new ConcurrentHashMap<>();
    private final Mono<Void> rebuilt;

    public OrderKeys(PublishedRecords published, RawRecordSender sender, JsonMapper json) {
        this.sender = sender;
        this.json = json;
        this.rebuilt = Mono.fromRunnable(() -> rebuild(published)).subscribeOn(Schedulers.boundedElastic())
                .then().cache();
    }

    /** Completes once the keys are read back from Kafka; every order waits for it. */
    public Mono<Void> ready() {
        return rebuilt;
    }

    Optional<KeyOutcome> outcome(String key) {
        return Optional.ofNullable(outcomes.get(key));
    }

    /** Records {@code outcome} of {@code key} in Kafka (acks=all), then in memory. */
    Mono<KeyOutcome> record(String key, KeyOutcome outcome) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SUPPLIER_ORDER_KEYS,
                key.getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(outcome));
        return Mono.fromFuture(() -> sender.send(record)).doOnNext(sent -> outcomes.put(key, outcome))
                .thenReturn(outcome);
    }

    /** Forgets {@code key} (a tombstone): the order was provably never sent, so the same key may try again. */
    Mono<Void> forget(String key) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SUPPLIER_ORDER_KEYS,
                key.getBytes(StandardCharsets.UTF_8), null);
        return Mono.fromFuture(() -> sender.send(record)).doOnNext(sent -> outcomes.remove(key)).then();
    }

    private void rebuild(PublishedRecords published) {
        published.latest(Topics.SUPPLIER_ORDER_KEYS).forEach((key, record) ->
                outcomes.put(key, json.readValue(record.value(), KeyOutcome.class)));
        log.info("Read back {} idempotency keys of supplier orders", outcomes.size());
    }
}
