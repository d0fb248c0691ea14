package com.crossdock.platform.serde;

import com.crossdock.platform.error.Causes;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's writer schema could not be had: the registry was unreachable, or does not (yet, or any more)
 * know the schema id. The bytes may be perfectly good, so this is transient: back off and read the record
 * again. A record is poison only when it can never decode (not the wire format, or bytes the writer schema
 * does not read).
 */
public class SchemaUnavailableException extends SerializationException {

    private final int schemaId;

    public SchemaUnavailableException(int schemaId, String message, Throwable cause) {
        super(message, cause);
        this.schemaId = schemaId;
    }

    /** The schema id the record names. */
    public int schemaId() {
        return schemaId;
    }

    /** Whether {@code failure} or one of its causes is a {@link SchemaUnavailableException}. */
    public static boolean isCauseOf(Throwable failure) {
        return Causes.has(failure, SchemaUnavailableException.class);
    }
}
