package com.crossdock.platform.kafka;

import java.util.Map;

/**
 * An exception that has more to tell the dead-letter topic than its class and message, e.g. a vendor's status
 * and answer. Its headers are added to the dead letter.
 */
public interface DeadLetterDetails {

    Map<String, String> deadLetterHeaders();
}
