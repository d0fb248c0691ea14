package com.crossdock.vendor.suppliers.uniquetrade;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.crossdock.vendor.suppliers.Availability;
import com.crossdock.vendor.suppliers.BranchStock;
import com.crossdock.vendor.suppliers.Invoice;
import com.crossdock.vendor.suppliers.JsonRead;
import com.crossdock.vendor.suppliers.OrderLine;
import com.crossdock.vendor.suppliers.PlacedOrder;
import com.crossdock.vendor.suppliers.Price;
import tools.jackson.databind.JsonNode;

/**
 * Unique Trade's API (VENDORS.md "Unique Trade": a JWT from login, renewed with a refresh token). Shapes are the
 * sandbox's: {@code POST /api/auth/login {login, password}} and {@code POST /api/auth/refresh {refresh_token}} both
 * answer {@code {access_token, refresh_token, expires_in}}; the JWT goes as {@code Authorization: Bearer}.
 */
public final class UniqueTradePayloads {

    public static final String LOGIN = "/api/auth/login";
    public static final String REFRESH = "/api/auth/refresh";
    public static final String PRICE = "/api/products/price";
    public static final String STOCK = "/api/products/stock";
    public static final String ORDER = "/api/orders";
    public static final String INVOICES = "/api/invoices";

    private UniqueTradePayloads() {
    }

    public static Map<String, Object> orderRequest(List<OrderLine> lines) {
        return Map.of("positions", lines.stream().map(line -> Map.of("code", line.article(),
                "quantity", line.quantity())).toList());
    }

    public static Price price(JsonNode answer) {
        JsonRead body = JsonRead.of(answer);
        return new Price(body.text("code"), body.decimal("price"), body.text("currency"));
    }

    public static Availability availability(JsonNode answer) {
        JsonRead body = JsonRead.of(answer);
        return new Availability(body.text("code"), body.items("stores").stream()
                .map(store -> new BranchStock(store.text("store"), store.quantity("available"))).toList());
    }

    public static PlacedOrder placed(JsonNode answer, ZoneId zone) {
        JsonRead body = JsonRead.of(answer);
        return new PlacedOrder(body.text("id"), body.date("created", DateTimeFormatter.ISO_LOCAL_DATE, zone));
    }

    public static List<Invoice> invoices(JsonNode answer, ZoneId zone) {
        return JsonRead.of(answer).items().stream().map(invoice -> new Invoice(invoice.text("id"),
                invoice.optionalText("number"), invoice.date("date", DateTimeFormatter.ISO_LOCAL_DATE, zone),
                invoice.text("currency"), invoice.optionalDecimal("amount"), invoice.optionalText("orderId"),
                invoice.items("positions").stream().map(line -> new Invoice.Line(line.text("code"),
                        line.optionalText("name"), line.decimal("quantity"), line.optionalDecimal("price"))).toList()))
                .toList();
    }
}
