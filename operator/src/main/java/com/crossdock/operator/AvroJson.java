package com.crossdock.operator;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A decoded Avro datum as plain JSON (what an analyst expects), not Avro's JSON encoding: unions unwrapped,
 * decimals as numbers, timestamps and UUIDs as strings, bytes as base64. {@code GenericData.toString} would
 * print instants unquoted, which is not JSON.
 */
final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    static JsonNode toJson(Object datum) {
        if (datum == null) {
            return NODES.nullNode();
        }
        if (datum instanceof GenericRecord record) {
            ObjectNode node = NODES.objectNode();
            for (Schema.Field field : record.getSchema().getFields()) {
                node.set(field.name(), toJson(record.get(field.pos())));
            }
            return node;
        }
        if (datum instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), toJson(v)));
            return node;
        }
        if (datum instanceof Collection<?> items) {
            ArrayNode node = NODES.arrayNode();
            items.forEach(item -> node.add(toJson(item)));
            return node;
        }
        if (datum instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        if (datum instanceof Integer || datum instanceof Long) {
            return NODES.numberNode(((Number) datum).longValue());
        }
        if (datum instanceof Float || datum instanceof Double) {
            return NODES.numberNode(((Number) datum).doubleValue());
        }
        if (datum instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (datum instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return NODES.stringNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (datum instanceof GenericFixed fixed) {
            return NODES.stringNode(Base64.getEncoder().encodeToString(fixed.bytes()));
        }
        // strings (Utf8), enum symbols, Instant, UUID, LocalDate: their string form
        return NODES.stringNode(datum.toString());
    }
}
