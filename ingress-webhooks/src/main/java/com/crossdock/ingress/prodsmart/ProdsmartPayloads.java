package com.crossdock.ingress.prodsmart;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.crossdock.ingress.prodsmart.ProdsmartPayload.Deleted;
import com.crossdock.ingress.prodsmart.ProdsmartPayload.Movement;
import com.crossdock.ingress.prodsmart.ProdsmartPayload.Movements;
import com.crossdock.ingress.prodsmart.ProdsmartPayload.OrderLine;
import com.crossdock.ingress.prodsmart.ProdsmartPayload.ProductionOrder;
import com.crossdock.ingress.prodsmart.ProdsmartPayload.Unmapped;
import com.crossdock.ingress.prodsmart.WebhookTopic.Action;
import com.crossdock.ingress.prodsmart.WebhookTopic.Entity;

/**
 * Reads a webhook body by its topic, with the shapes of prodsmart-api.pl.txt ("Elementy webhook"). The edge
 * runs it before anything is stored (a body that does not fit is refused with the field at fault) and the
 * mapper stage runs the very same code, so what the edge accepted the mapper can read.
 * Throws {@link InvalidWebhookException}.
 */
public final class ProdsmartPayloads {

    private final ZoneId companyZone;

    public ProdsmartPayloads(ZoneId companyZone) {
        this.companyZone = companyZone;
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

    private ProductionOrder productionOrder(JsonField order) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonField line : order.optional("products").map(JsonField::elements).orElse(List.of())) {
            lines.add(new OrderLine(line.required("product").nonBlankText(),
                    line.required("quantity-ordered").decimal(),
                    line.optional("quantity-produced").map(JsonField::decimal).orElse(null)));
        }
        return new ProductionOrder(order.required("id").id(),
                text(order, "code"), text(order, "status"), text(order, "running-status"),
                date(order, "start-date"), date(order, "due-date"),
                order.optional("ended").map(JsonField::bool).orElse(false), List.copyOf(lines));
    }

    private static Movements movements(Entity entity, JsonField root) {
        List<Movement> movements = new ArrayList<>();
        for (JsonField item : root.elements()) {
            JsonField product = item.required("product");
            Optional<JsonField> location = item.optional("warehouse-location");
            movements.add(new Movement(
                    item.optional("id").map(JsonField::id).orElse(null),
                    product.required("code").nonBlankText(),
                    text(product, "uom"),
                    item.optional("lot").map(lot -> text(lot, "code")).orElse(null),
                    signed(item),
                    location.map(l -> text(l, "code")).orElse(""),
                    location.flatMap(l -> l.optional("warehouse")).map(w -> text(w, "code")).orElse(null),
                    reference(entity, item)));
        }
        return new Movements(List.copyOf(movements));
    }

    /** The document gives quantities as positive numbers and the direction in stock-type (in/out). */
    private static BigDecimal signed(JsonField item) {
        BigDecimal quantity = item.required("quantity").decimal().abs();
        JsonField type = item.required("stock-type");
        switch (type.nonBlankText().toLowerCase(Locale.ROOT)) {
            case "in":
                return quantity;
            case "out":
                return quantity.negate();
            default:
                throw type.invalid("must be in or out");
        }
    }

    private static String reference(Entity entity, JsonField item) {
        String[] owners = switch (entity) {
            case SHIPPING_MOVEMENT -> new String[] {"shipping", "sales-order"};
            case RECEIVING_MOVEMENT -> new String[] {"receiving", "purchase-order"};
            default -> new String[0];
        };
        for (String owner : owners) {
            String code = item.optional(owner).map(o -> text(o, "code")).orElse(null);
            if (code != null && !code.isBlank()) {
                return code;
            }
        }
        return null;
    }

    private static String text(JsonField object, String name) {
        return object.optional(name).map(JsonField::text).orElse(null);
    }

    /** Prodsmart leaves unset text fields empty (the document's example has "serial-number": ""). */
    private Instant date(JsonField object, String name) {
        Optional<JsonField> field = object.optional(name);
        if (field.isEmpty() || field.get().text().isBlank()) {
            return null;
        }
        try {
            return ProdsmartDates.parse(field.get().text(), companyZone);
        } catch (IllegalArgumentException e) {
            throw field.get().invalid("must be an ISO-8601 date");
        }
    }
}
