package com.crossdock.platform.spool;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The spool holds its {@code maxBytes} already ({@code crossdock.spool.max-size}): nothing more is taken until the
 * drain sends some of it to Kafka. A clear, temporary refusal (the ingress answers 503 with {@code Retry-After}),
 * rather than a full disk, after which every append would fail until a restart.
 */
public final class SpoolFullException extends IOException {

    public SpoolFullException(Path directory, long bytes, long maxBytes) {
        super("the spool in " + directory + " is full: " + bytes + " bytes wait for Kafka, at most " + maxBytes);
    }
}
