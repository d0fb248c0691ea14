package com.crossdock.paqtana.client;

import java.util.Map;

import com.crossdock.platform.kafka.DeadLetterDetails;
import com.crossdock.platform.kafka.Retryability;

/**
 * A body over Paqtana's 32 MB limit ("El tamaño máximo de la carga útil es de 32MB",
 * paqtana-integration-api.es.txt, Paso 6), refused before sending: trying again cannot help.
 */
public class PayloadTooLargeException extends RuntimeException implements Retryability, DeadLetterDetails {

    private final String operation;
    private final long sizeBytes;
    private final long limitBytes;

    public PayloadTooLargeException(String operation, long sizeBytes, long limitBytes) {
        super("Paqtana " + operation + " body of " + sizeBytes + " bytes exceeds the limit of " + limitBytes
                + " bytes; nothing was sent");
        this.operation = operation;
        this.sizeBytes = sizeBytes;
        this.limitBytes = limitBytes;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }

    @Override
    public Map<String, String> deadLetterHeaders() {
        return Map.of("crossdock.paqtana.operation", operation,
                "crossdock.paqtana.payload-bytes", Long.toString(sizeBytes),
                "crossdock.paqtana.limit-bytes", Long.toString(limitBytes));
    }
}
