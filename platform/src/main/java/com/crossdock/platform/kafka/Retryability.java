package com.crossdock.platform.kafka;

/**
 * An exception that knows whether trying again can help (a vendor's 503 can; its 400 cannot). The consumers'
 * error handler retries only transient failures; permanent ones go to the dead-letter topic at once. A record
 * that cannot be decoded is permanent ({@link PoisonRecordException}), except when only its writer schema cannot be
 * had now ({@link com.crossdock.platform.serde.SchemaUnavailableException}, anywhere in the cause chain): that is
 * transient and retried without an attempt limit, never dead-lettered.
 */
public interface Retryability {

    boolean transientFailure();
}
