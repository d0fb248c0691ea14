package com.crossdock.platform.kafka;

/**
 * Headers that Crossdock adds to a dead letter, next to Spring Kafka's own {@code kafka_dlt-*} headers
 * (exception class, message, stack trace, original topic/partition/offset/timestamp, consumer group).
 * The original key, value and headers are kept byte for byte.
 */
public final class DeadLetterHeaders {

    public static final String ATTEMPTS = "crossdock.dlt.attempts";
    public static final String FIRST_FAILED_AT = "crossdock.dlt.first-failed-at";
    public static final String FAILURE_CLASS = "crossdock.dlt.failure-class";
    public static final String FAILURE_MESSAGE = "crossdock.dlt.failure-message";
    public static final String ORIGINAL_TOPIC = "crossdock.dlt.original-topic";
    public static final String ORIGINAL_PARTITION = "crossdock.dlt.original-partition";
    public static final String ORIGINAL_OFFSET = "crossdock.dlt.original-offset";
    public static final String CONSUMER_GROUP = "crossdock.dlt.consumer-group";
    public static final String CORRELATION_ID = "crossdock.correlation-id";

    private DeadLetterHeaders() {
    }
}
