package com.crossdock.vendor.suppliers.elit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crossdock.vendor.suppliers.Availability;
import com.crossdock.vendor.suppliers.BranchStock;
import com.crossdock.vendor.suppliers.JsonRead;
import com.crossdock.vendor.suppliers.OrderLine;
import com.crossdock.vendor.suppliers.PlacedOrder;
import com.crossdock.vendor.suppliers.Price;
import com.crossdock.vendor.suppliers.SupplierPayloadException;
import tools.jackson.databind.JsonNode;

/**
 * Elit's API (carbook-supplier-apis.uk.txt "Еліт": the eCat cabinet's login and password; price, stock and order,
 * "4. Не доступна можливість у постачальника": no invoices). The document shows no shapes: these are the sandbox's
 * (sandboxes/README.md "Suppliers"), the login and password sent as HTTP Basic, errors {@code {"error": ...}}.
 */
public final class ElitPayloads {

    public static final String PRICE = "/api/v1/price";
    public static final String STOCK = "/api/v1/stock";
    public static final String ORDER = "/api/v1/orders";

    private ElitPayloads() {
    }

    public static Map<String, Object> orderRequest(List<OrderLine> lines) {
        return Map.of("lines", lines.stream().map(line -> Map.of("article", line.article(),
                "quantity", line.quantity())).toList());
    }

    /** The message of an error answer ({@code {"error": ...}}). */
    public static Optional<String> error(JsonNode answer) {
        return answer == null || !answer.has("error") ? Optional.empty() : Optional.of(answer.get("error").asString());
    }

    public static Price price(JsonNode answer) {
        JsonRead body = JsonRead.of(answer);
        return new Price(body.text("article"), body.decimal("price"), body.text("currency"));
    }

    public static Availability availability(JsonNode answer) {
        JsonRead body = JsonRead.of(answer);
        return new Availability(body.text("article"), body.items("warehouses").stream()
                .map(branch -> new BranchStock(branch.text("warehouse"), branch.quantity("quantity"))).toList());
    }

    public static PlacedOrder placed(JsonNode answer) {
        JsonRead body = JsonRead.of(answer);
        JsonRead created = body.field("createdAt");
        try {
            Instant at = OffsetDateTime.parse(created.text()).toInstant();
            return new PlacedOrder(body.text("orderNumber"), at);
        } catch (DateTimeParseException e) {
            throw new SupplierPayloadException(created.path(), "is not an ISO-8601 date-time with offset");
        }
    }
}
