package com.crossdock.operator;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reading Crossdock's text headers; the last one of a name wins, as replays append rather than replace. */
final class RecordHeaders {

    private RecordHeaders() {
    }

    static String text(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8 (then show them as base64). */
    static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static int replayCount(ConsumerRecord<byte[], byte[]> record) {
        String count = text(record, ReplayHeaders.COUNT);
        if (count == null) {
            return 0;
        }
        try {
            return Integer.parseInt(count.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
