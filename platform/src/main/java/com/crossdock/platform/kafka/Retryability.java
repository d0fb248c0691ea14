package com.crossdock.platform.kafka;

/**
 * An exception that knows whether trying again can help (a vendor's 503 can; its 400 cannot). The consumers'
 * error handler retries only transient failures; permanent ones go to the dead-letter topic at once.
 */
public interface Retryability {

    boolean transientFailure();
}
