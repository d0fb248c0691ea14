package com.crossdock.vendor.suppliers.intercars;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Inter Cars' API (VENDORS.md "Inter Cars": OAuth2 client credentials; {@code Accept-Language} mandatory, 400 without;
 * at most 100 SKUs per stock call and 20 per price basket; unknown SKUs dropped from the answer and listed in a
 * response header). The header's name and the shapes are the sandbox's: {@code X-Unknown-Skus: A,B}.
 */
public final class InterCarsPayloads {

    public static final String TOKEN = "/oauth2/token";
    public static final String STOCK = "/inventory/stock";
    public static final String PRICES = "/pricing/quote";
    public static final String ORDER = "/sales/orders";
    public static final String INVOICES = "/invoices";
    /** The answer's list of the SKUs it dropped as unknown, comma separated. */
    public static final String UNKNOWN_SKUS = "X-Unknown-Skus";
    /** "≤ 100 SKUs per stock call". */
    public static final int MAX_STOCK_SKUS = 100;
    /** "≤ 20 per price basket". */
    public static final int MAX_PRICE_SKUS = 20;

    private InterCarsPayloads() {
    }

    /** {@code skus} in groups the supplier takes in one call ({@code size}: 100 for stock, 20 for prices). */
    public static List<List<String>> batches(List<String> skus, int size) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < skus.size(); from += size) {
            batches.add(List.copyOf(skus.subList(from, Math.min(skus.size(), from + size))));
        }
        return batches;
    }

    /** The SKUs an answer's {@code X-Unknown-Skus} lists. */
    public static List<String> unknown(String header) {
        return header == null || header.isBlank() ? List.of()
                : Arrays.stream(header.split(",")).map(String::trim).filter(sku -> !sku.isEmpty()).toList();
    }

    public static Map<String, Object> priceRequest(Map<String, java.math.BigDecimal> quantities) {
        return Map.of("lines", quantities.entrySet().stream()
                .map(line -> Map.of("sku", line.getKey(), "quantity", line.getValue())).toList());
    }

    public static Map<String, Object> orderRequest(List<OrderLine> lines) {
        return Map.of("lines", lines.stream().map(line -> Map.of("sku", line.article(), "quantity", line.quantity()))
                .toList());
    }

    public static List<Price> prices(JsonNode answer) {
        JsonRead body = JsonRead.of(answer);
        String currency = body.text("currency");
        return body.items("lines").stream()
                .map(line -> new Price(line.text("sku"), line.decimal("price"), currency)).toList();
    }

    public static List<Availability> availability(JsonNode answer) {
        return JsonRead.of(answer).items().stream().map(item -> new Availability(item.text("sku"),
                item.items("branches").stream().map(branch -> new BranchStock(branch.text("branch"),
                        branch.quantity("quantity"))).toList())).toList();
    }

    public static PlacedOrder placed(JsonNode answer, ZoneId zone) {
        JsonRead body = JsonRead.of(answer);
        return new PlacedOrder(body.text("orderId"), body.date("created", DateTimeFormatter.ISO_LOCAL_DATE, zone));
    }

    public static List<Invoice> invoices(JsonNode answer, ZoneId zone) {
        return JsonRead.of(answer).items("invoices").stream().map(invoice -> new Invoice(invoice.text("id"),
                invoice.optionalText("number"), invoice.date("issued", DateTimeFormatter.ISO_LOCAL_DATE, zone),
                invoice.text("currency"), invoice.optionalDecimal("total"), invoice.optionalText("orderId"),
                invoice.items("lines").stream().map(line -> new Invoice.Line(line.text("sku"),
                        line.optionalText("description"), line.decimal("quantity"), line.optionalDecimal("unitPrice")))
                        .toList()))
                .toList();
    }
}
