package com.crossdock.platform.poller;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends one serialized record to Kafka; the future completes once Kafka acknowledged it (acks=all). */
@FunctionalInterface
interface RecordSink {

    CompletableFuture<?> send(ProducerRecord<byte[], byte[]> record);
}
