package com.crossdock.vendor.suppliers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A JSON value of a supplier's answer with its path, so that every complaint names the field at fault
 * ({@code Result.Branches[1].Quantity}). Used by each supplier's reader.
 */
public final class JsonRead {

    private final JsonNode node;
    private final String path;

    private JsonRead(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The whole answer. */
    public static JsonRead of(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new SupplierPayloadException("body", "is empty");
        }
        return new JsonRead(root, "");
    }

    public String path() {
        return path.isEmpty() ? "body" : path;
    }

    public JsonNode node() {
        return node;
    }

    public JsonRead field(String name) {
        return optional(name).orElseThrow(() -> new SupplierPayloadException(child(name), "is required"));
    }

    public Optional<JsonRead> optional(String name) {
        if (!node.isObject()) {
            throw new SupplierPayloadException(path(), "must be a JSON object");
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new JsonRead(value, child(name)));
    }

    public String text(String name) {
        return field(name).text();
    }

    /**
     * An optional text: null when absent, null or blank (a supplier that has no name for an invoice line may send
     * {@code "name":""}; that is no value, not a damaged answer).
     */
    public String optionalText(String name) {
        return optional(name).filter(value -> !(value.node().isString() && value.node().asString().isBlank()))
                .map(JsonRead::text).orElse(null);
    }

    /** A string or a number, as text. */
    public String text() {
        if (node.isString() || node.isNumber()) {
            String text = node.asString();
            if (!text.isBlank()) {
                return text;
            }
        }
        throw new SupplierPayloadException(path(), "must be a non-blank string or number");
    }

    /** A number, or a string holding one (Vesna writes prices as strings). */
    public BigDecimal decimal(String name) {
        return field(name).decimal();
    }

    public BigDecimal optionalDecimal(String name) {
        return optional(name).map(JsonRead::decimal).orElse(null);
    }

    public BigDecimal decimal() {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString()) {
            try {
                return new BigDecimal(node.asString().trim());
            } catch (NumberFormatException e) {
                throw new SupplierPayloadException(path(), "'" + node.asString() + "' is not a number");
            }
        }
        throw new SupplierPayloadException(path(), "must be a number");
    }

    /** A quantity: a number, or a string such as {@code ">10"}, kept as a range. */
    public QuantityRange quantity(String name) {
        JsonRead value = field(name);
        if (value.node.isNumber()) {
            return QuantityRange.exactly(value.node.decimalValue());
        }
        try {
            return QuantityRange.parse(value.text());
        } catch (IllegalArgumentException e) {
            throw new SupplierPayloadException(value.path(), e.getMessage());
        }
    }

    /** A date in {@code format}, as the start of that day in {@code zone}. */
    public Instant date(String name, DateTimeFormatter format, ZoneId zone) {
        JsonRead value = field(name);
        try {
            return LocalDate.parse(value.text(), format).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new SupplierPayloadException(value.path(), "'" + value.text() + "' is not a date in the supplier's format");
        }
    }

    /** An array, element by element. */
    public List<JsonRead> items(String name) {
        return field(name).items();
    }

    public List<JsonRead> items() {
        if (!node.isArray()) {
            throw new SupplierPayloadException(path(), "must be an array");
        }
        List<JsonRead> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new JsonRead(node.get(i), path() + "[" + i + "]"));
        }
        return items;
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
