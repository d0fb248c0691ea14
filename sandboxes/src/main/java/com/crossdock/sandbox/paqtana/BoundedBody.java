package com.crossdock.sandbox.paqtana;

import java.io.ByteArrayOutputStream;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A request body collected up to a byte limit. Past the limit it keeps counting but holds nothing more,
 * so an oversized request costs no memory while it is drained. Each buffer is released once copied.
 */
final class BoundedBody {

    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long total;

    BoundedBody(int max) {
        this.max = max;
    }

    BoundedBody append(DataBuffer buffer) {
        try {
            int size = buffer.readableByteCount();
            total += size;
            if (!overflowed()) {
                byte[] chunk = new byte[size];
                buffer.read(chunk);
                bytes.writeBytes(chunk);
            }
            return this;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    boolean overflowed() {
        return total > max;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
