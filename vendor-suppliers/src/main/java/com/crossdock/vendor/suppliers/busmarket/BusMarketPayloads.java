package com.crossdock.vendor.suppliers.busmarket;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crossdock.vendor.suppliers.Availability;
import com.crossdock.vendor.suppliers.BranchStock;
import com.crossdock.vendor.suppliers.Invoice;
import com.crossdock.vendor.suppliers.JsonRead;
import com.crossdock.vendor.suppliers.OrderLine;
import com.crossdock.vendor.suppliers.PlacedOrder;
import com.crossdock.vendor.suppliers.Price;
import tools.jackson.databind.JsonNode;

/**
 * BusMarket's API (VENDORS.md "BusMarket": {@code Authorization: <key>} without "Bearer", keys that live a year,
 * {@code X-RateLimit-*} headers, some unauthorised calls answer 404). Shapes are the sandbox's (snake_case, dates
 * {@code YYYY-MM-DD}).
 */
public final class BusMarketPayloads {

    public static final String PRICE = "/api/prices";
    public static final String STOCK = "/api/stock";
    public static final String ORDER = "/api/orders";
    public static final String INVOICES = "/api/invoices";
    /** The quota headers BusMarket sends with every answer. */
    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    /** Seconds until the window starts again. */
    public static final String RESET = "X-RateLimit-Reset";
    /** A key lives a year from its issue (VENDORS.md "keys live a year"). */
    public static final Duration KEY_LIFE = Duration.ofDays(365);

    private BusMarketPayloads() {
    }

    public static Map<String, Object> orderRequest(List<OrderLine> lines) {
        return Map.of("items", lines.stream().map(line -> Map.of("article", line.article(), "qty", line.quantity()))
                .toList());
    }

    /** The wait the quota headers ask for: none while requests remain, else {@code X-RateLimit-Reset} seconds. */
    public static Optional<Duration> quotaWait(String remaining, String reset) {
        if (remaining == null || reset == null || !remaining.trim().equals("0")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(reset.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Price price(JsonNode answer) {
        JsonRead body = JsonRead.of(answer);
        return new Price(body.text("article"), body.decimal("price"), body.text("currency"));
    }

    public static Availability availability(JsonNode answer) {
        JsonRead body = JsonRead.of(answer);
        return new Availability(body.text("article"), body.items("stock").stream()
                .map(branch -> new BranchStock(branch.text("branch"), branch.quantity("qty"))).toList());
    }

    public static PlacedOrder placed(JsonNode answer, ZoneId zone) {
        JsonRead body = JsonRead.of(answer);
        return new PlacedOrder(body.text("order_id"), body.date("created_at", DateTimeFormatter.ISO_LOCAL_DATE, zone));
    }

    public static List<Invoice> invoices(JsonNode answer, ZoneId zone) {
        return JsonRead.of(answer).items("invoices").stream().map(invoice -> new Invoice(invoice.text("id"),
                invoice.optionalText("number"), invoice.date("date", DateTimeFormatter.ISO_LOCAL_DATE, zone),
                invoice.text("currency"), invoice.optionalDecimal("total"), invoice.optionalText("order_id"),
                invoice.items("items").stream().map(line -> new Invoice.Line(line.text("article"),
                        line.optionalText("name"), line.decimal("qty"), line.optionalDecimal("price"))).toList()))
                .toList();
    }
}
