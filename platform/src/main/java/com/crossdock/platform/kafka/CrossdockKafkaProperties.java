package com.crossdock.platform.kafka;

import java.time.Duration;
import java.util.Objects;

import com.crossdock.platform.retry.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Crossdock's Kafka conventions ({@code crossdock.kafka.*}); the client settings themselves stay under
 * {@code spring.kafka.*}.
 *
 * @param partitions partitions of every topic Crossdock declares
 * @param replicationFactor replication of every topic Crossdock declares (1 locally, 3 in production)
 * @param minInsyncReplicas the {@code min.insync.replicas} of every topic Crossdock declares: how many replicas must
 *        hold a record before an acks=all send is acknowledged, so a 2xx never rests on one broker. Unset, it is the
 *        replication factor less one, at most 2 and at least 1 (2 where the factor is 3, 1 on a one-broker cluster)
 * @param maxRecordSize the largest record Crossdock writes, its headers included: the {@code max.message.bytes} of
 *        every topic it declares and the {@code max.request.size} of its raw-record producer, so that the topic
 *        and the producer agree. A service that takes bodies from outside (the ingress's
 *        {@code crossdock.ingress.max-body-bytes}) refuses to start when a body and its headers would not fit
 * @param retry blocking retries of a failing record before it is dead-lettered ({@code crossdock.kafka.retry.*}:
 *        initial-interval, multiplier, max-interval, jitter, max-attempts; see {@link Backoff}). Each setting
 *        overrides only its component of {@link #RETRY_DEFAULTS}: 5 deliveries in all, waits of 1 s doubling up
 *        to 30 s, no jitter. max-attempts counts the first delivery and must be at least 1 (a record retried
 *        without end would hold its partition); keep attempts × max-interval well under max.poll.interval.ms
 * @param eventDeserializer the Kafka deserializer of canonical events, configured with the
 *        {@code spring.kafka.consumer.*} properties (Confluent keys such as {@code schema.registry.url})
 */
@ConfigurationProperties("crossdock.kafka")
public record CrossdockKafkaProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        Short minInsyncReplicas,
        @DefaultValue("2MB") DataSize maxRecordSize,
        @NestedConfigurationProperty Backoff retry,
        @DefaultValue("com.crossdock.platform.serde.AvroDeserializer") Class<?> eventDeserializer) {

    /** What {@code crossdock.kafka.retry.*} does not set. */
    public static final Backoff RETRY_DEFAULTS = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.0, 5);

    public CrossdockKafkaProperties {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("crossdock.kafka.replication-factor must be at least 1, not "
                    + replicationFactor);
        }
        minInsyncReplicas = minInsyncReplicas != null ? minInsyncReplicas
                : (short) Math.max(1, Math.min(2, replicationFactor - 1));
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("crossdock.kafka.min-insync-replicas must be between 1 and the "
                    + "replication factor " + replicationFactor + ", not " + minInsyncReplicas
                    + ": acks=all sends would fail on every topic");
        }
        maxRecordSize = Objects.requireNonNullElse(maxRecordSize, DataSize.ofMegabytes(2));
        retry = Objects.requireNonNullElse(retry, Backoff.UNSET).orElse(RETRY_DEFAULTS).validated();
        if (retry.maxAttempts() < 1) {
            throw new IllegalArgumentException("crossdock.kafka.retry.max-attempts must be at least 1, not "
                    + retry.maxAttempts() + ": a record retried without end would hold its partition");
        }
    }
}
