package com.crossdock.operator;

import java.time.Instant;
import java.util.Base64;

import com.crossdock.platform.kafka.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One record as one JSON object: coordinates, key, every header in order, failure details, decoded value. */
final class RecordJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ValueDecoder decoder;

    RecordJson(ValueDecoder decoder) {
        this.decoder = decoder;
    }

    ObjectNode toJson(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("topic", record.topic());
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        putBytes(node, "key", record.key());
        ArrayNode headers = node.putArray("headers");
        for (Header header : record.headers()) {
            ObjectNode h = headers.addObject();
            h.put("name", header.key());
            putBytes(h, "value", header.value());
        }
        String failureClass = RecordHeaders.text(record, DeadLetterHeaders.FAILURE_CLASS);
        if (failureClass != null) {
            ObjectNode failure = node.putObject("failure");
            failure.put("class", failureClass);
            failure.put("message", RecordHeaders.text(record, DeadLetterHeaders.FAILURE_MESSAGE));
            failure.put("attempts", RecordHeaders.text(record, DeadLetterHeaders.ATTEMPTS));
            failure.put("firstFailedAt", RecordHeaders.text(record, DeadLetterHeaders.FIRST_FAILED_AT));
            failure.put("consumerGroup", RecordHeaders.text(record, DeadLetterHeaders.CONSUMER_GROUP));
            failure.put("originalTopic", RecordHeaders.text(record, DeadLetterHeaders.ORIGINAL_TOPIC));
            failure.put("originalPartition", RecordHeaders.text(record, DeadLetterHeaders.ORIGINAL_PARTITION));
            failure.put("originalOffset", RecordHeaders.text(record, DeadLetterHeaders.ORIGINAL_OFFSET));
            failure.put("replayCount", RecordHeaders.replayCount(record));
        }
        decoder.describe(record.topic(), record.value(), node);
        return node;
    }

    String line(ConsumerRecord<byte[], byte[]> record) {
        return JSON.writeValueAsString(toJson(record));
    }

    private static void putBytes(ObjectNode node, String field, byte[] bytes) {
        if (bytes == null) {
            node.putNull(field);
            return;
        }
        String text = RecordHeaders.utf8OrNull(bytes);
        if (text != null) {
            node.put(field, text);
        } else {
            node.put(field + "Base64", Base64.getEncoder().encodeToString(bytes));
        }
    }
}
