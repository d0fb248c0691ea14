package com.crossdock.platform.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Crossdock's Kafka conventions ({@code crossdock.kafka.*}); the client settings themselves stay under
 * {@code spring.kafka.*}.
 *
 * @param partitions partitions of every topic Crossdock declares
 * @param replicationFactor replication of every topic Crossdock declares (1 locally, 3 in production)
 * @param retry blocking retries of a failing record before it is dead-lettered
 * @param eventDeserializer the Kafka deserializer of canonical events, configured with the
 *        {@code spring.kafka.consumer.*} properties (Confluent keys such as {@code schema.registry.url})
 */
@ConfigurationProperties("crossdock.kafka")
public record CrossdockKafkaProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue Retry retry,
        @DefaultValue("com.crossdock.platform.serde.AvroDeserializer") Class<?> eventDeserializer) {

    /**
     * @param maxAttempts deliveries of one record in all, the first included
     * @param initialInterval wait after the first failure, doubled after each further one
     * @param maxInterval the longest wait; keep attempts × maxInterval well under max.poll.interval.ms
     */
    public record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxInterval) {
    }
}
