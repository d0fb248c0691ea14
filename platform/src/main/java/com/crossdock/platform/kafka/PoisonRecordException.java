package com.crossdock.platform.kafka;

/**
 * A record that can never be processed as it is (undeserializable, or not the type its topic promises).
 * Not retried: it goes straight to the consumer group's dead-letter topic with its raw bytes.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
