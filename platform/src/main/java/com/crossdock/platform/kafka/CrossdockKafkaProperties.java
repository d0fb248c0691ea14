package com.crossdock.platform.kafka;

import java.time.Duration;
import java.util.Objects;

import com.crossdock.platform.retry.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Crossdock's Kafka conventions ({@code crossdock.kafka.*}); the client settings themselves stay under
 * {@code spring.kafka.*}.
 *
 * @param partitions partitions of every topic Crossdock declares
 * @param replicationFactor replication of every topic Crossdock declares (1 locally, 3 in production)
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
        @NestedConfigurationProperty Backoff retry,
        @DefaultValue("com.crossdock.platform.serde.AvroDeserializer") Class<?> eventDeserializer) {

    /** What {@code crossdock.kafka.retry.*} does not set. */
    public static final Backoff RETRY_DEFAULTS = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.0, 5);

    public CrossdockKafkaProperties {
        retry = Objects.requireNonNullElse(retry, Backoff.UNSET).orElse(RETRY_DEFAULTS).validated();
        if (retry.maxAttempts() < 1) {
            throw new IllegalArgumentException("crossdock.kafka.retry.max-attempts must be at least 1, not "
                    + retry.maxAttempts() + ": a record retried without end would hold its partition");
        }
    }
}
