package com.crossdock.sandbox.suppliers.omega;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.sandbox.suppliers.SupplierBook;
import com.crossdock.sandbox.suppliers.SupplierBooks;
import com.crossdock.sandbox.suppliers.SuppliersSandboxProperties;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Omega's API (VENDORS.md "Omega"): every call {@code POST /suppliers/omega/public/api/v1.0/<path>} with the client
 * key inside the JSON body ({@code Key}); every answer {@code {Success, Errors[{Description}], Result}}; dates
 * {@code DD.MM.YYYY}, nothing else. What Omega refuses in its envelope (a wrong key, an unknown article, a date in
 * another format) it answers HTTP 200 with {@code Success:false}: the document names the envelope, not the status, so
 * the sandbox takes the reading that fails a client that only looks at the status.
 */
@RestController
class OmegaController {

    private static final String BASE = "/suppliers/omega/public/api/v1.0";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final SupplierBook book;
    private final String key;
    private final OmegaSandboxConfiguration.AllowList allowList;

    OmegaController(SupplierBooks books, SuppliersSandboxProperties properties,
            OmegaSandboxConfiguration.AllowList omegaAllowList) {
        this.book = books.book(SupplierBooks.OMEGA);
        this.key = properties.omega().key();
        this.allowList = omegaAllowList;
    }

    static Map<String, Object> failure(String description) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("Success", false);
        envelope.put("Errors", List.of(Map.of("Description", description)));
        envelope.put("Result", null);
        return envelope;
    }

    private static Map<String, Object> success(Object result) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("Success", true);
        envelope.put("Errors", List.of());
        envelope.put("Result", result);
        return envelope;
    }

    @PostMapping(BASE + "/product/price")
    Map<String, Object> price(@RequestBody JsonNode body) {
        return withKey(body, () -> book.article(body.path("Code").asString("")).<Map<String, Object>>map(article ->
                success(Map.of("Code", body.path("Code").asString(), "Price", article.price(),
                        "Currency", article.currency()))).orElseGet(() -> failure("Unknown product code")));
    }

    @PostMapping(BASE + "/product/stock")
    Map<String, Object> stock(@RequestBody JsonNode body) {
        return withKey(body, () -> book.article(body.path("Code").asString("")).<Map<String, Object>>map(article ->
                success(Map.of("Code", body.path("Code").asString(), "Branches", article.branches().entrySet().stream()
                        .map(branch -> Map.of("Branch", branch.getKey(), "Quantity", Integer.parseInt(branch.getValue())))
                        .toList()))).orElseGet(() -> failure("Unknown product code")));
    }

    @PostMapping(BASE + "/order/create")
    Map<String, Object> order(@RequestBody JsonNode body) {
        return withKey(body, () -> {
            JsonNode lines = body.path("Lines");
            if (!lines.isArray() || lines.isEmpty()) {
                return failure("Lines: at least one line is required");
            }
            List<Map<String, Object>> taken = new ArrayList<>();
            for (JsonNode line : lines) {
                String code = line.path("Code").asString("");
                if (book.article(code).isEmpty()) {
                    return failure("Unknown product code " + code);
                }
                if (!line.path("Quantity").isNumber() || line.path("Quantity").decimalValue().signum() <= 0) {
                    return failure("Quantity of " + code + " must be a positive number");
                }
                taken.add(Map.of("Code", code, "Quantity", line.path("Quantity").decimalValue()));
            }
            SupplierBook.Order order = book.order("OM-", LocalDate.now(), taken);
            return success(Map.of("OrderId", order.id(), "Date", DATE.format(order.date())));
        });
    }

    @PostMapping(BASE + "/invoice/list")
    Map<String, Object> invoices(@RequestBody JsonNode body) {
        return withKey(body, () -> {
            LocalDate from;
            try {
                from = LocalDate.parse(body.path("DateFrom").asString(""), DATE);
            } catch (DateTimeParseException e) {
                return failure("DateFrom must be a date DD.MM.YYYY");
            }
            return success(book.invoicesFrom(from).stream().map(invoice -> {
                Map<String, Object> item = new HashMap<>();
                item.put("Id", invoice.id());
                item.put("Number", invoice.number());
                item.put("Date", DATE.format(invoice.date()));
                item.put("Currency", invoice.currency());
                item.put("Total", invoice.total());
                item.put("OrderId", invoice.orderId());
                item.put("Lines", invoice.lines().stream().map(line -> Map.of("Code", line.get("sku"),
                        "Name", String.valueOf(line.getOrDefault("name", "")), "Quantity", line.get("quantity"),
                        "Price", line.getOrDefault("price", BigDecimal.ZERO))).toList());
                return item;
            }).toList());
        });
    }

    /** Control: the addresses Omega serves from now on (a JSON array); not an Omega API. */
    @PutMapping("/suppliers/omega/_sandbox/allowed-ips")
    Map<String, Object> allowedIps(@RequestBody List<String> addresses) {
        allowList.replace(addresses);
        return Map.of("allowedIps", allowList.addresses());
    }

    private Map<String, Object> withKey(JsonNode body, java.util.function.Supplier<Map<String, Object>> answer) {
        // "Key" inside every body: the client code Omega issued
        String sent = body == null ? "" : body.path("Key").asString("");
        return java.security.MessageDigest.isEqual(sent.getBytes(), key.getBytes()) ? answer.get()
                : failure("Invalid key");
    }
}
