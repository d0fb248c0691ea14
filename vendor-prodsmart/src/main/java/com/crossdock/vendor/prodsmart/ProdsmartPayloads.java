package com.crossdock.vendor.prodsmart;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.crossdock.vendor.prodsmart.ProdsmartPayload.Deleted;
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
    private final MovementPayloads movements;

    public ProdsmartPayloads(ZoneId companyZone) {
        this(new ProdsmartDates(companyZone));
    }

    /** With the company's dates ({@link ProdsmartProperties#dates()}), shared with its other readers. */
    public ProdsmartPayloads(ProdsmartDates dates) {
        this.dates = dates;
        this.movements = new MovementPayloads(dates);
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
        return action == Action.DELETED ? new Deleted(root.required("id").id()) : movements.movements(topic.entity(), root);
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

    /** A scalar field as text; null when absent or not a scalar (a shape the reader does not need). */
    static String text(JsonField object, String name) {
        return object.optional(name).map(JsonField::scalarText).orElse(null);
    }

    /** A text field, null when absent or empty. */
    private static String setText(JsonField object, String name) {
        String text = text(object, name);
        return text == null || text.isBlank() ? null : text;
    }

    private Instant date(JsonField object, String name) {
        return date(object, name, dates);
    }

    /** Prodsmart leaves unset text fields empty (the document's example has "serial-number": ""). */
    static Instant date(JsonField object, String name, ProdsmartDates dates) {
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
