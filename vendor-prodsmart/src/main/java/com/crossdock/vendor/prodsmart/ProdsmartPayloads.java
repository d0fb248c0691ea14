package com.crossdock.vendor.prodsmart;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.crossdock.vendor.prodsmart.ProdsmartPayload.Deleted;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.Movement;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.Movements;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.OrderLine;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.ProductionOrder;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.Unmapped;
import com.crossdock.vendor.prodsmart.WebhookTopic.Action;
import com.crossdock.vendor.prodsmart.WebhookTopic.Entity;
import tools.jackson.databind.JsonNode;

/**
 * Reads Prodsmart payloads with the shapes of prodsmart-api.pl.txt: a webhook body by its topic ("Elementy
 * webhook"), and a production order from the change feed or the list ({@link #productionOrder(JsonNode)}) with
 * the very same reader as the webhook's, since they are one resource. The ingress's edge runs it before anything
 * is stored (a body that does not fit is refused with the field at fault) and its mapper stage runs the same code,
 * so what the edge accepted the mapper can read. Throws {@link InvalidPayloadException}.
 */
public final class ProdsmartPayloads {

    private final ProdsmartDates dates;

    public ProdsmartPayloads(ZoneId companyZone) {
        this(new ProdsmartDates(companyZone));
    }

    /** With the company's dates ({@link ProdsmartProperties#dates()}), shared with its other readers. */
    public ProdsmartPayloads(ProdsmartDates dates) {
        this.dates = dates;
    }

    public ProdsmartPayload parse(WebhookTopic topic, byte[] body) {
        JsonField root = JsonField.parse(body);
        Action action = topic.action().orElse(null);
        if (!topic.mapped()) {
            return new Unmapped(root.isObject() ? root.optional("id").map(JsonField::id) : Optional.empty());
        }
        if (topic.entity() == Entity.PRODUCTION_ORDER) {
            return productionOrder(root);
        }
        return action == Action.DELETED ? new Deleted(root.required("id").id()) : movements(topic.entity(), root);
    }

    /** An item of a PRODUCTION_ORDER channel or of {@code GET /api/production-orders}. */
    public ProductionOrder productionOrder(JsonNode item) {
        return productionOrder(JsonField.of(item));
    }

    /**
     * One reader for the production order wherever it comes from (prodsmart-api.pl.txt shows the same resource in
     * the webhook "Zamówienia produkcji", the PRODUCTION_ORDER channel and "Zamówienie produkcji"):
     * <ul>
     * <li>{@code quantity-ordered} is "liczba całkowita, wymagane, >0" ("Zamówienie produkcji", attributes): a line
     *     without it is refused with the field named, never read as 0 (the order's quantity would silently become
     *     nothing); a number or numeric text, as every quantity ({@link JsonField#decimal()});</li>
     * <li>{@code product} is the product's code; an object with a {@code code} is read alike;</li>
     * <li>{@code location} is an object {@code {"id", "code", "name"}} in the resource's answers
     *     ({@code GET /api/production-orders/{id}}, the list, the create answer) and a code in its requests
     *     ({@code "location": "location code"}, PUT/POST): either way its code is the order's site; absent in the
     *     webhook example;</li>
     * <li>{@code is-active} (the channel, {@code GET .../{id}}) or {@code active} (the list, the create answer):
     *     read when present, true or false; the webhook body has neither;</li>
     * <li>empty text is unset, like {@code "serial-number": ""} in the webhook example; so is an empty
     *     {@code running-status}, the mark of a deleted order ("po usunięciu zamówienia produkcji w polu stanu
     *     uruchomienia zostanie usunięta wartość");</li>
     * <li>fields the mapping does not use ({@code shipping}, {@code machines}, {@code custom-fields}, ...) are not
     *     read, whatever their shape.</li>
     * </ul>
     */
    private ProductionOrder productionOrder(JsonField order) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonField line : order.optional("products").map(JsonField::elements).orElse(List.of())) {
            lines.add(new OrderLine(line.requiredCode("product"),
                    line.required("quantity-ordered").decimal(),
                    line.optionalDecimal("quantity-produced")));
        }
        return new ProductionOrder(order.required("id").id(),
                setText(order, "code"), setText(order, "status"), setText(order, "running-status"),
                date(order, "start-date"), date(order, "due-date"),
                order.optional("ended").map(JsonField::bool).orElse(false),
                order.optional("location").map(JsonField::code).orElse(null), active(order), List.copyOf(lines),
                order.rounded());
    }

    private static Boolean active(JsonField order) {
        return order.optional("is-active").or(() -> order.optional("active")).map(JsonField::bool).orElse(null);
    }

    /**
     * The movements of a {@code *_inventory_movement_created|updated} webhook ("Elementy webhook"), read as the
     * document shows a movement: the webhook's shape ({@code product: {code, uom}}, {@code lot: {code}},
     * {@code warehouse-location: {code, warehouse: {code}}}, {@code stock-type}, {@code date}) and the
     * inventory-movement resource's ("Ruch magazynowy": {@code product-code}, {@code lot}, {@code warehouse-location}
     * and {@code warehouse} as codes, {@code type}, {@code date-time}, {@code "quantity": "10"}). What it cannot do
     * without is refused with the field named: the product's code, the quantity, a direction other than in/out.
     */
    private Movements movements(Entity entity, JsonField root) {
        List<Movement> movements = new ArrayList<>();
        for (JsonField item : root.elements()) {
            Optional<JsonField> bin = item.optional("warehouse-location");
            Optional<JsonField> product = item.optional("product");
            movements.add(new Movement(
                    item.optional("id").map(JsonField::id).orElse(null),
                    productCode(item),
                    product.filter(JsonField::isObject).map(p -> text(p, "uom")).orElse(null),
                    item.optional("lot").map(JsonField::code).orElse(null),
                    signed(item),
                    bin.map(JsonField::code).orElse(null),
                    bin.filter(JsonField::isObject).flatMap(l -> l.optional("warehouse"))
                            .or(() -> item.optional("warehouse")).map(JsonField::code).orElse(null),
                    movementDate(item),
                    reference(entity, item)));
        }
        return new Movements(List.copyOf(movements), root.rounded());
    }

    /** The webhook's {@code product: {code}} (or a plain code), else the resource's {@code product-code}. */
    private static String productCode(JsonField item) {
        Optional<JsonField> product = item.optional("product");
        if (product.isPresent()) {
            String code = product.get().code();
            if (code == null) {
                throw new InvalidPayloadException(product.get().isObject() ? product.get().path() + ".code"
                        : product.get().path(), "is required: the product's code");
            }
            return code;
        }
        return item.optional("product-code").map(JsonField::code).orElseThrow(
                () -> new InvalidPayloadException(item.path() + ".product", "is required: the product's code"));
    }

    /**
     * The document gives quantities as positive numbers and the direction in {@code stock-type} (the webhooks) or
     * {@code type} (the resource). The resource also lists consumption and production types ("typ ruchu
     * magazynowego: do, z, zużycie, produkcja"), which no movement webhook is documented to carry and whose sign
     * the document does not state: they are refused, named, for an operator to map and replay, never guessed.
     */
    private static BigDecimal signed(JsonField item) {
        BigDecimal quantity = item.required("quantity").decimal().abs();
        JsonField type = item.optional("stock-type").or(() -> item.optional("type"))
                .orElseGet(() -> item.required("stock-type"));
        String direction = type.scalarText();
        switch (direction == null ? "" : direction.trim().toLowerCase(Locale.ROOT)) {
            case "in":
                return quantity;
            case "out":
                return quantity.negate();
            default:
                throw type.invalid("must be in or out, was " + (direction == null ? "not text" : "'" + direction + "'"));
        }
    }

    /** The movement's own time: the webhook's {@code date}, the resource's {@code date-time}; null when absent. */
    private Instant movementDate(JsonField item) {
        return item.optional("date").isPresent() ? date(item, "date") : date(item, "date-time");
    }

    private static String reference(Entity entity, JsonField item) {
        String[] owners = switch (entity) {
            case SHIPPING_MOVEMENT -> new String[] {"shipping", "sales-order", "client-order"};
            case RECEIVING_MOVEMENT -> new String[] {"receiving", "purchase-order"};
            default -> new String[0];
        };
        for (String owner : owners) {
            String code = item.optional(owner).map(JsonField::code).orElse(null);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** A scalar field as text; null when absent or not a scalar (a shape the reader does not need). */
    private static String text(JsonField object, String name) {
        return object.optional(name).map(JsonField::scalarText).orElse(null);
    }

    /** A text field, null when absent or empty. */
    private static String setText(JsonField object, String name) {
        String text = text(object, name);
        return text == null || text.isBlank() ? null : text;
    }

    /** Prodsmart leaves unset text fields empty (the document's example has "serial-number": ""). */
    private Instant date(JsonField object, String name) {
        Optional<JsonField> field = object.optional(name);
        String text = field.map(JsonField::scalarText).orElse(null);
        if (field.isEmpty() || text != null && text.isBlank()) {
            return null;
        }
        try {
            return dates.parse(field.get().text());
        } catch (IllegalArgumentException e) {
            throw field.get().invalid("must be an ISO-8601 date");
        }
    }
}
