package com.crossdock.paqtana.json;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.crossdock.paqtana.client.JsonPayload;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/** Reads a streamed payload back, for assertions. */
public final class Payloads {

    private Payloads() {
    }

    public static String text(JsonPayload payload) {
        DataBuffer joined = DataBufferUtils.join(payload.content(DefaultDataBufferFactory.sharedInstance)).block();
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static List<Integer> bufferSizes(JsonPayload payload) {
        return payload.content(DefaultDataBufferFactory.sharedInstance).map(DataBuffer::readableByteCount)
                .collectList().block();
    }
}
