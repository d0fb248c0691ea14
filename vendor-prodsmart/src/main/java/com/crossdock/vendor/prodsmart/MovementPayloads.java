package com.crossdock.vendor.prodsmart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.crossdock.vendor.prodsmart.ProdsmartPayload.Movement;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.Movements;
import com.crossdock.vendor.prodsmart.WebhookTopic.Entity;

/** The inventory-movement webhooks' reader, part of {@link ProdsmartPayloads}. */
final class MovementPayloads {

    private final ProdsmartDates dates;

    MovementPayloads(ProdsmartDates dates) {
        this.dates = dates;
    }

    /**
     * The movements of a {@code *_inventory_movement_created|updated} webhook ("Elementy webhook"), read as the
     * document shows a movement: the webhook's shape ({@code product: {code, uom}}, {@code lot: {code}},
     * {@code warehouse-location: {code, warehouse: {code}}}, {@code stock-type}, {@code date}) and the
     * inventory-movement resource's ("Ruch magazynowy": {@code product-code}, {@code lot}, {@code warehouse-location}
     * and {@code warehouse} as codes, {@code type}, {@code date-time}, {@code "quantity": "10"}). What it cannot do
     * without is refused with the field named: the product's code, the quantity, a direction other than in/out.
     */
    Movements movements(Entity entity, JsonField root) {
        List<Movement> movements = new ArrayList<>();
        for (JsonField item : root.elements()) {
            Optional<JsonField> bin = item.optional("warehouse-location");
            Optional<JsonField> product = item.optional("product");
            movements.add(new Movement(
                    item.optional("id").map(JsonField::id).orElse(null),
                    productCode(item),
                    product.filter(JsonField::isObject).map(p -> ProdsmartPayloads.text(p, "uom")).orElse(null),
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
        return item.optional("date").isPresent() ? ProdsmartPayloads.date(item, "date", dates)
                : ProdsmartPayloads.date(item, "date-time", dates);
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
}
