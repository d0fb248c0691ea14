package com.crossdock.vendor.prodsmart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON value together with its path in the body, so that every complaint names the field at fault
 * ({@code products[0].quantity-ordered}) exactly as the problem+json answer, the dead letter and the poller's raw
 * record report it.
 */
final class JsonField {

    static final String ROOT = "body";
    /** Canonical decimals are Avro decimal(20, 6). */
    private static final int SCALE = 6;
    private static final int INTEGER_DIGITS = 14;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode node;
    private final String path;

    private JsonField(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a whole body; malformed JSON names the place where it broke. */
    static JsonField parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw InvalidPayloadException.malformed(brokenAt(e), "the body is not well-formed JSON (at byte " + offset + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw InvalidPayloadException.malformed(ROOT, "the body is empty");
        }
        return new JsonField(root, "");
    }

    /** An item another reader has parsed already (a change-feed or list item); its fields are named from it. */
    static JsonField of(JsonNode item) {
        return new JsonField(item, "");
    }

    String path() {
        return path.isEmpty() ? ROOT : path;
    }

    JsonField required(String name) {
        return optional(name).orElseThrow(() -> new InvalidPayloadException(child(name), "is required"));
    }

    Optional<JsonField> optional(String name) {
        requireObject();
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new JsonField(value, child(name)));
    }

    List<JsonField> elements() {
        if (!node.isArray()) {
            throw invalid("must be a JSON array");
        }
        List<JsonField> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new JsonField(node.get(i), path + "[" + i + "]"));
        }
        return elements;
    }

    String text() {
        if (!node.isString()) {
            throw invalid("must be a string");
        }
        return node.stringValue();
    }

    String nonBlankText() {
        String text = text();
        if (text.isBlank()) {
            throw invalid("must not be blank");
        }
        return text;
    }

    /** An id: Prodsmart sends numbers; a non-blank string is taken as it is. */
    String id() {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isString() && !node.stringValue().isBlank()) {
            return node.stringValue();
        }
        throw invalid("must be an integer or a non-blank string");
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw invalid("must be true or false");
        }
        return node.booleanValue();
    }

    /** A number that fits the canonical decimal(20, 6) exactly: nothing is rounded away silently. */
    BigDecimal decimal() {
        if (!node.isNumber()) {
            throw invalid("must be a number");
        }
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        if (value.scale() > SCALE) {
            throw invalid("has more than " + SCALE + " decimal places");
        }
        BigDecimal scaled = value.setScale(SCALE, RoundingMode.UNNECESSARY);
        if (scaled.precision() - SCALE > INTEGER_DIGITS) {
            throw invalid("is too large");
        }
        return scaled;
    }

    boolean isObject() {
        return node.isObject();
    }

    InvalidPayloadException invalid(String message) {
        return new InvalidPayloadException(path(), message);
    }

    private void requireObject() {
        if (!node.isObject()) {
            throw invalid("must be a JSON object");
        }
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String brokenAt(JacksonException e) {
        if (!(e.processor() instanceof JsonParser parser)) {
            return ROOT;
        }
        StringBuilder field = new StringBuilder();
        for (JsonPointer p = parser.streamReadContext().pathAsPointer(); !p.matches(); p = p.tail()) {
            if (p.getMatchingIndex() >= 0) {
                field.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return field.length() == 0 ? ROOT : field.toString();
    }
}
