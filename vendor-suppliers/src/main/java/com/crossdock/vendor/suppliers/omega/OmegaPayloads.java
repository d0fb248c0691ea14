package com.crossdock.vendor.suppliers.omega;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
 * Omega's API (VENDORS.md "Omega"): every call is {@code POST .../public/api/v1.0/<path>} with a JSON body that
 * carries the client's {@code Key}; every answer is the envelope {@code {Success, Errors[{Description}], Result}},
 * where {@code Success:false} is a failure even in an HTTP 200; dates are {@code DD.MM.YYYY}. The shapes of the
 * {@code Result}s are not in the document: they are the ones the sandbox states (sandboxes/README.md "Suppliers").
 */
public final class OmegaPayloads {

    /** The path of each operation under the base URL ({@code .../public/api/v1.0}). */
    public static final String PRICE = "/product/price";
    public static final String STOCK = "/product/stock";
    public static final String ORDER = "/order/create";
    public static final String INVOICES = "/invoice/list";
    /**
     * The description Omega's envelope gives for a code it does not know (the sandbox's wording: the document shows
     * no error texts), so an unknown article is reported as such rather than as a failure.
     */
    public static final String UNKNOWN_PRODUCT = "Unknown product code";
    /** Omega's date format, "DD.MM.YYYY". */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private OmegaPayloads() {
    }

    /** The body of a price request; the key goes inside every body ("Key"). */
    public static Map<String, Object> priceRequest(String key, String article, java.math.BigDecimal quantity) {
        return body(key, Map.of("Code", article, "Quantity", quantity));
    }

    public static Map<String, Object> stockRequest(String key, String article) {
        return body(key, Map.of("Code", article));
    }

    public static Map<String, Object> orderRequest(String key, List<OrderLine> lines, String comment) {
        return body(key, Map.of("Lines", lines.stream().map(line -> Map.of("Code", line.article(),
                "Quantity", line.quantity())).toList(), "Comment", comment == null ? "" : comment));
    }

    public static Map<String, Object> invoicesRequest(String key, LocalDate from, LocalDate to) {
        return body(key, Map.of("DateFrom", DATE.format(from), "DateTo", DATE.format(to)));
    }

    /** {@code Success:false}: the Errors' descriptions, joined; empty when the envelope says success. */
    public static Optional<String> failure(JsonNode answer) {
        JsonNode success = answer == null ? null : answer.get("Success");
        if (success != null && success.isBoolean() && success.booleanValue()) {
            return Optional.empty();
        }
        JsonNode errors = answer == null ? null : answer.get("Errors");
        String descriptions = errors == null || !errors.isArray() ? ""
                : errors.valueStream().map(error -> error.path("Description").asString(""))
                        .filter(text -> !text.isBlank()).collect(Collectors.joining("; "));
        return Optional.of(descriptions.isEmpty() ? "Omega answered Success:false without a description" : descriptions);
    }

    public static Price price(JsonNode answer) {
        JsonRead result = result(answer);
        return new Price(result.text("Code"), result.decimal("Price"), result.text("Currency"));
    }

    public static Availability availability(JsonNode answer) {
        JsonRead result = result(answer);
        return new Availability(result.text("Code"), result.items("Branches").stream()
                .map(branch -> new BranchStock(branch.text("Branch"), branch.quantity("Quantity"))).toList());
    }

    public static PlacedOrder placed(JsonNode answer, ZoneId zone) {
        JsonRead result = result(answer);
        return new PlacedOrder(result.text("OrderId"), result.date("Date", DATE, zone));
    }

    public static List<Invoice> invoices(JsonNode answer, ZoneId zone) {
        return result(answer).items().stream().map(invoice -> new Invoice(invoice.text("Id"),
                invoice.optionalText("Number"), invoice.date("Date", DATE, zone), invoice.text("Currency"),
                invoice.optionalDecimal("Total"), invoice.optionalText("OrderId"),
                invoice.items("Lines").stream().map(line -> new Invoice.Line(line.text("Code"),
                        line.optionalText("Name"), line.decimal("Quantity"), line.optionalDecimal("Price"))).toList()))
                .toList();
    }

    private static JsonRead result(JsonNode answer) {
        failure(answer).ifPresent(failure -> {
            throw new SupplierPayloadException("Success", failure);
        });
        return JsonRead.of(answer).field("Result");
    }

    private static Map<String, Object> body(String key, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Key", key);
        body.putAll(fields);
        return body;
    }
}
