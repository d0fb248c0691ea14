package com.crossdock.vendor.baselinker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads BaseLinker's {@code getOrders} answer ({@code {"status":"SUCCESS","orders":[…]}}). BaseLinker writes ids,
 * dates (unix seconds) and amounts as JSON numbers, some integrations as numeric strings: both are read. A field
 * that does not fit is named ({@code orders[2].products[0].quantity: is required}).
 */
public final class BaseLinkerOrders {

    /** "≤ 100 orders a call" (VENDORS.md, getOrders): an answer this long is full, more may be waiting. */
    public static final int PAGE_SIZE = 100;

    private static final int SCALE = 6;

    private BaseLinkerOrders() {
    }

    /** The {@code orders} array of an answer, each element as its own node (kept raw when it cannot be read). */
    public static List<JsonNode> orderNodes(JsonNode answer) {
        JsonNode orders = answer.path("orders");
        if (!orders.isArray()) {
            throw new InvalidOrderException("orders", "is not an array");
        }
        return orders.valueStream().toList();
    }

    /** One order node, {@code field} naming where it is ({@code orders[3]}). */
    public static BaseLinkerOrder read(JsonNode order, String field) {
        List<BaseLinkerOrder.Product> products = new ArrayList<>();
        JsonNode lines = order.path("products");
        if (!lines.isMissingNode() && !lines.isNull() && !lines.isArray()) {
            throw new InvalidOrderException(field + ".products", "is not an array");
        }
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String at = field + ".products[" + i + "]";
            products.add(new BaseLinkerOrder.Product(text(line, "name"), text(line, "sku"), text(line, "ean"),
                    text(line, "product_id"), required(decimal(line, "quantity", at), at + ".quantity"),
                    decimal(line, "price_brutto", at), decimal(line, "tax_rate", at)));
        }
        long id = required(number(order, "order_id", field), field + ".order_id").longValue();
        Long status = number(order, "order_status_id", field);
        Long added = number(order, "date_add", field);
        Long confirmed = number(order, "date_confirmed", field);
        return new BaseLinkerOrder(id, status == null ? 0 : status, instant(added), instant(confirmed),
                text(order, "currency"), text(order, "payment_method"), text(order, "delivery_method"),
                decimal(order, "delivery_price", field), text(order, "user_login"), text(order, "email"),
                text(order, "delivery_fullname"), text(order, "extra_field_1"), text(order, "extra_field_2"),
                text(order, "user_comments"), products, version(order));
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null || epochSeconds == 0 ? null : Instant.ofEpochSecond(epochSeconds);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.isString() ? value.stringValue() : value.toString();
        return text.isBlank() ? null : text;
    }

    private static Long number(JsonNode node, String name, String field) {
        BigDecimal value = decimal(node, name, field);
        return value == null ? null : value.longValue();
    }

    private static BigDecimal decimal(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull() || value.isString() && value.stringValue().isBlank()) {
            return null;
        }
        try {
            BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.stringValue().trim());
            return number.setScale(SCALE, RoundingMode.HALF_EVEN);
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException notNumber) {
            throw new InvalidOrderException(field + "." + name, "is not a number: " + value);
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidOrderException(field, "is required");
        }
        return value;
    }

    private static String version(JsonNode order) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(order.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
