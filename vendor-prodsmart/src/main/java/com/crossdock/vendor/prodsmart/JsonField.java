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
    /** The paths of the quantities rounded while reading this payload, shared by all its fields. */
    private final List<String> rounded;

    private JsonField(JsonNode node, String path, List<String> rounded) {
        this.node = node;
        this.path = path;
        this.rounded = rounded;
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
        return new JsonField(root, "", new ArrayList<>());
    }

    /** An item another reader has parsed already (a change-feed or list item); its fields are named from it. */
    static JsonField of(JsonNode item) {
        return new JsonField(item, "", new ArrayList<>());
    }

    /** The fields of this payload whose quantity was rounded to the schemas' scale ({@link #decimal()}). */
    List<String> rounded() {
        return List.copyOf(rounded);
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
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new JsonField(value, child(name), rounded));
    }

    List<JsonField> elements() {
        if (!node.isArray()) {
            throw invalid("must be a JSON array");
        }
        List<JsonField> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new JsonField(node.get(i), path + "[" + i + "]", rounded));
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

    /** A flag: JSON true or false, or the text "true" / "false" (any case). */
    boolean bool() {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString() && (node.stringValue().trim().equalsIgnoreCase("true")
                || node.stringValue().trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.stringValue().trim());
        }
        throw invalid("must be true or false");
    }

    /**
     * A quantity as the canonical decimal(20, 6) (StockChanged.quantity, ProductionOrderLine.quantityOrdered,
     * ArticleUpserted.minimumOrderQuantity: "precision": 20, "scale": 6). Prodsmart writes it as a JSON number or as
     * numeric text (the inventory-movement resource: {@code "quantity": "10"}, prodsmart-api.pl.txt "Ruch
     * magazynowy"); both are read.
     * <p>
     * More than 6 decimals: rounded HALF_EVEN to 6 and noted ({@link #rounded()}; the mapper logs and counts it),
     * not refused. The document types quantities as doubles ("quantity (double, wymagane)"), and a double printed
     * in decimal carries binary noise far below the sixth place (0.1 + 0.2 is 0.30000000000000004): refusing it
     * would dead-letter an authentic movement for a difference of at most 0.0000005, which no stock count can
     * show. A value whose integer part does not fit the schema's 14 digits cannot be represented and is refused.
     */
    BigDecimal decimal() {
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isString() && !node.stringValue().isBlank()) {
            try {
                value = new BigDecimal(node.stringValue().trim());
            } catch (NumberFormatException e) {
                throw invalid("must be a number");
            }
        } else {
            throw invalid("must be a number");
        }
        // Judge the size from precision and scale before any arithmetic: 1e999999999 is 11 characters, but scaling it
        // (or stripping 1e-999999999's zeros) would build a number of a billion digits.
        long integerDigits = (long) value.precision() - value.scale();
        if (value.signum() != 0 && integerDigits > INTEGER_DIGITS) {
            throw invalid("is too large");
        }
        if (value.signum() != 0 && integerDigits < -SCALE) {
            // below 10^-7: HALF_EVEN to 6 decimals gives 0
            rounded.add(path());
            return BigDecimal.ZERO.setScale(SCALE);
        }
        BigDecimal scaled = value.setScale(SCALE, RoundingMode.HALF_EVEN);
        if (value.stripTrailingZeros().scale() > SCALE) {
            rounded.add(path());
        }
        if (scaled.precision() - SCALE > INTEGER_DIGITS) {
            throw invalid("is too large");
        }
        return scaled;
    }

    /** A scalar as text (a number's digits too); null for an object or array, whose shape the reader does not need. */
    String scalarText() {
        return node.isValueNode() ? node.asString() : null;
    }

    /**
     * The code of a reference that Prodsmart writes either as its code ({@code "warehouse-location": "Zone2"},
     * "Ruch magazynowy") or as an object ({@code "warehouse-location": {"id": 333, "code": "..."}}, the webhooks):
     * null when neither gives a non-blank code.
     */
    String code() {
        String code = node.isObject() ? optional("code").map(JsonField::scalarText).orElse(null) : scalarText();
        return code == null || code.isBlank() ? null : code;
    }

    /** An optional quantity ({@link #decimal()}); null when absent, null or empty text (Prodsmart's unset). */
    BigDecimal optionalDecimal(String name) {
        Optional<JsonField> field = optional(name);
        String text = field.map(JsonField::scalarText).orElse(null);
        return field.isEmpty() || text != null && text.isBlank() ? null : field.get().decimal();
    }

    /** A required reference's code ({@link #code()}), named when missing or blank. */
    String requiredCode(String name) {
        JsonField field = required(name);
        String code = field.code();
        if (code == null) {
            throw field.invalid("must be a non-blank code");
        }
        return code;
    }

    boolean isArray() {
        return node.isArray();
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
