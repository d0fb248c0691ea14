package com.crossdock.paqtana.client;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;

/**
 * A JSON request body whose exact size is known before it is sent (Paqtana's 32 MB limit is checked on it),
 * written as a stream of buffers each time it is subscribed (so a retried call writes it again).
 */
public interface JsonPayload {

    long sizeBytes();

    /** How many rows the body's {@code data} array holds (for logs and metrics). */
    int rowCount();

    Flux<DataBuffer> content(DataBufferFactory factory);
}
