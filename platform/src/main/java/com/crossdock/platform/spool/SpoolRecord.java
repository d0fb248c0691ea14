package com.crossdock.platform.spool;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One Kafka-bound message as the spool keeps it: the topic, the serialized key and value, and the
 * headers in their original order. Key, value and header values may be {@code null} (Kafka allows
 * all three), and they come back from the spool byte for byte.
 *
 * <p>The arrays are not copied, for speed: do not change them after handing the record over.
 */
public record SpoolRecord(String topic, byte[] key, byte[] value, List<Header> headers) {

    public SpoolRecord {
        Objects.requireNonNull(topic, "topic");
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("topic must not be empty");
        }
        headers = List.copyOf(headers);
    }

    public SpoolRecord(String topic, byte[] key, byte[] value) {
        this(topic, key, value, List.of());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpoolRecord that
                && topic.equals(that.topic)
                && Arrays.equals(key, that.key)
                && Arrays.equals(value, that.value)
                && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, Arrays.hashCode(key), Arrays.hashCode(value), headers);
    }

    @Override
    public String toString() {
        // Lengths only: values may carry personal data or secrets that must not reach a log.
        return "SpoolRecord[topic=" + topic + ", key=" + length(key) + " bytes, value="
                + length(value) + " bytes, headers=" + headers + "]";
    }

    private static String length(byte[] bytes) {
        return bytes == null ? "null" : String.valueOf(bytes.length);
    }

    /** A Kafka record header; the name is a string as in Kafka, the value raw bytes or {@code null}. */
    public record Header(String name, byte[] value) {

        public Header {
            Objects.requireNonNull(name, "name");
        }

        public static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Header that && name.equals(that.name) && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return name + "(" + length(value) + " bytes)";
        }
    }
}
