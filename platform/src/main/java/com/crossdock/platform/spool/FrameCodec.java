package com.crossdock.platform.spool;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk frame of one record: {@code int length | int crc32c | payload}, big-endian. The checksum
 * covers the length field and the payload, so a torn or flipped length is caught as surely as a flipped
 * payload byte. The payload is {@code byte version | short topic | topic utf-8 | int key length (-1 for
 * null) | key | int value length | value | int header count | per header: short name | name utf-8 | int
 * value length | value}.
 */
final class FrameCodec {

    static final int HEADER_BYTES = 8;
    static final byte VERSION = 1;
    /** version + topic length + key length + value length + header count: an all-zero header is never valid. */
    static final int MIN_PAYLOAD = 1 + 2 + 4 + 4 + 4;
    /** Far above any Kafka message size, so a larger length field is damage, not data. */
    static final int MAX_PAYLOAD = 128 * 1024 * 1024;

    private FrameCodec() {
    }

    /** Encodes a record into a complete frame, positioned at 0 and ready to write. */
    static ByteBuffer encode(SpoolRecord record) {
        byte[] topic = record.topic().getBytes(StandardCharsets.UTF_8);
        List<byte[]> names = new ArrayList<>(record.headers().size());
        long size = MIN_PAYLOAD + topic.length + length(record.key()) + length(record.value());
        for (SpoolRecord.Header header : record.headers()) {
            byte[] name = header.name().getBytes(StandardCharsets.UTF_8);
            names.add(name);
            size += 2 + name.length + 4 + length(header.value());
        }
        if (size > MAX_PAYLOAD) {
            throw new IllegalArgumentException("record too large for the spool: " + size + " bytes");
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + (int) size);
        frame.putInt((int) size).putInt(0).put(VERSION);
        putShortBytes(frame, topic);
        putBytes(frame, record.key());
        putBytes(frame, record.value());
        frame.putInt(record.headers().size());
        for (int i = 0; i < names.size(); i++) {
            putShortBytes(frame, names.get(i));
            putBytes(frame, record.headers().get(i).value());
        }
        frame.flip();
        frame.putInt(4, checksum((int) size, frame.slice(HEADER_BYTES, (int) size)));
        return frame;
    }

    /** The checksum a frame must carry: over its length field and its payload (read without moving). */
    static int checksum(int payloadLength, ByteBuffer payload) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(0, payloadLength));
        crc.update(payload.duplicate());
        return (int) crc.getValue();
    }

    /** Decodes a payload whose checksum was verified; a malformed payload is reported as damage. */
    static SpoolRecord decode(ByteBuffer payload) {
        try {
            byte version = payload.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown frame version " + version);
            }
            String topic = new String(getShortBytes(payload), StandardCharsets.UTF_8);
            byte[] key = getBytes(payload);
            byte[] value = getBytes(payload);
            int count = payload.getInt();
            if (count < 0 || count > payload.remaining()) {
                throw new IllegalArgumentException("bad header count " + count);
            }
            List<SpoolRecord.Header> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = new String(getShortBytes(payload), StandardCharsets.UTF_8);
                headers.add(new SpoolRecord.Header(name, getBytes(payload)));
            }
            if (payload.hasRemaining()) {
                throw new IllegalArgumentException(payload.remaining() + " trailing bytes");
            }
            return new SpoolRecord(topic, key, value, headers);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("payload shorter than its fields", e);
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void putShortBytes(ByteBuffer frame, byte[] bytes) {
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("topic or header name longer than 65535 bytes");
        }
        frame.putShort((short) bytes.length).put(bytes);
    }

    private static void putBytes(ByteBuffer frame, byte[] bytes) {
        if (bytes == null) {
            frame.putInt(-1);
        } else {
            frame.putInt(bytes.length).put(bytes);
        }
    }

    private static byte[] getShortBytes(ByteBuffer payload) {
        byte[] bytes = new byte[Short.toUnsignedInt(payload.getShort())];
        payload.get(bytes);
        return bytes;
    }

    private static byte[] getBytes(ByteBuffer payload) {
        int length = payload.getInt();
        if (length < -1 || length > payload.remaining()) {
            throw new IllegalArgumentException("bad length " + length);
        }
        if (length == -1) {
            return null;
        }
        byte[] bytes = new byte[length];
        payload.get(bytes);
        return bytes;
    }
}
