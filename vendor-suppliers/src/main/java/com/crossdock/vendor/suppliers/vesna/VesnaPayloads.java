package com.crossdock.vendor.suppliers.vesna;

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
import com.crossdock.vendor.suppliers.SupplierPayloadException;
import tools.jackson.databind.JsonNode;

/**
 * Vesna's API (carbook-supplier-apis.uk.txt "Весна": a {@code token} and a {@code customer_id}; "працює лише з
 * валютою EURO": every price is in EUR; VENDORS.md: quantities may be strings like {@code ">10"}). Shapes are the
 * sandbox's: {@code Authorization: Token <t>}, {@code customer_id} a query parameter (in the body of an order),
 * prices as strings.
 */
public final class VesnaPayloads {

    public static final String PRICE = "/api/v1/prices/";
    public static final String STOCK = "/api/v1/stock/";
    public static final String ORDER = "/api/v1/orders/";
    public static final String INVOICES = "/api/v1/invoices/";
    /** "лише з валютою EURO". */
    public static final String CURRENCY = "EUR";

    private VesnaPayloads() {
    }

    public static Map<String, Object> orderRequest(String customerId, List<OrderLine> lines) {
        return Map.of("customer_id", customerId, "items", lines.stream().map(line -> Map.of("article", line.article(),
                "quantity", line.quantity())).toList());
    }

    /** A price, which must be in EUR: any other currency is a broken answer, not a price to convert. */
    public static Price price(JsonNode answer) {
        JsonRead body = JsonRead.of(answer);
        return new Price(body.text("article"), body.decimal("price"), euro(body));
    }

    public static Availability availability(JsonNode answer) {
        JsonRead body = JsonRead.of(answer);
        return new Availability(body.text("article"), body.items("branches").stream()
                .map(branch -> new BranchStock(branch.text("branch"), branch.quantity("quantity"))).toList());
    }

    public static PlacedOrder placed(JsonNode answer, ZoneId zone) {
        JsonRead body = JsonRead.of(answer);
        return new PlacedOrder(body.text("id"), body.date("created_at", DateTimeFormatter.ISO_LOCAL_DATE, zone));
    }

    public static List<Invoice> invoices(JsonNode answer, ZoneId zone) {
        return JsonRead.of(answer).items("results").stream().map(invoice -> new Invoice(invoice.text("id"),
                invoice.optionalText("number"), invoice.date("date", DateTimeFormatter.ISO_LOCAL_DATE, zone),
                euro(invoice), invoice.optionalDecimal("total"), invoice.optionalText("order"),
                invoice.items("items").stream().map(line -> new Invoice.Line(line.text("article"),
                        line.optionalText("name"), line.decimal("quantity"), line.optionalDecimal("price"))).toList()))
                .toList();
    }

    private static String euro(JsonRead body) {
        String currency = body.optionalText("currency");
        if (currency != null && !CURRENCY.equals(currency)) {
            throw new SupplierPayloadException(body.field("currency").path(),
                    "'" + currency + "': Vesna works only in EUR");
        }
        return CURRENCY;
    }
}
