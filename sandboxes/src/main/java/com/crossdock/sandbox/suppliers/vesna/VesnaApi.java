package com.crossdock.sandbox.suppliers.vesna;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.crossdock.sandbox.JsonAnswer;
import com.crossdock.sandbox.VendorError;
import com.crossdock.sandbox.VendorSandbox;
import com.crossdock.sandbox.auth.VendorAuth;
import com.crossdock.sandbox.suppliers.SupplierBook;
import com.crossdock.sandbox.suppliers.SupplierBooks;
import com.crossdock.sandbox.suppliers.SuppliersSandboxConfiguration;
import com.crossdock.sandbox.suppliers.SuppliersSandboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Vesna (carbook-supplier-apis.uk.txt "Весна": a {@code token} and a {@code customer_id}; "працює лише з валютою
 * EURO"; VENDORS.md: quantities may be strings like {@code ">10"}): {@code Authorization: Token <t>} (anything else
 * 401 {@code {"detail":"Invalid token."}}), {@code customer_id} on every call (a query parameter; in an order's body),
 * missing 400, another customer's 403; prices as strings in EUR, a {@code currency} other than EUR refused; stock as
 * strings. The shapes are the sandbox's choice.
 */
@RestController
class VesnaApi {

    private static final String BASE = "/suppliers/vesna/api/v1";

    private final SupplierBook book;
    private final String customerId;

    VesnaApi(SupplierBooks books, SuppliersSandboxProperties properties) {
        this.book = books.book(SupplierBooks.VESNA);
        this.customerId = properties.vesna().customerId();
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        VendorAuth vesnaAuth(SuppliersSandboxProperties properties) {
            byte[] expected = ("Token " + properties.vesna().token()).getBytes(StandardCharsets.UTF_8);
            return VendorAuth.of(SupplierBooks.prefix(SupplierBooks.VESNA),
                            (exchange, error) -> JsonAnswer.write(exchange, error.status(), Map.of("detail", error.message())))
                    .everywhere(request -> {
                        String sent = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                        if (sent == null) {
                            return Optional.of(new VendorError(HttpStatus.UNAUTHORIZED,
                                    "Authentication credentials were not provided."));
                        }
                        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected) ? Optional.empty()
                                : Optional.of(new VendorError(HttpStatus.UNAUTHORIZED, "Invalid token."));
                    });
        }

        @Bean
        VendorSandbox vesnaSandbox(SupplierBooks books) {
            return SuppliersSandboxConfiguration.sandbox(books.book(SupplierBooks.VESNA), Map::of, () -> { });
        }
    }

    @GetMapping(BASE + "/prices/")
    ResponseEntity<Object> price(@RequestParam(name = "customer_id", required = false) String customer,
            @RequestParam(required = false) String article, @RequestParam(required = false) String currency) {
        return customer(customer, () -> {
            if (currency != null && !"EUR".equals(currency)) {
                return ResponseEntity.badRequest().body(Map.of("currency", List.of("Only EUR is supported.")));
            }
            return book.article(article == null ? "" : article).<ResponseEntity<Object>>map(found -> ResponseEntity.ok(
                    Map.of("article", article, "price", found.price().toPlainString(), "currency", "EUR")))
                    .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("detail", "Not found.")));
        });
    }

    @GetMapping(BASE + "/stock/")
    ResponseEntity<Object> stock(@RequestParam(name = "customer_id", required = false) String customer,
            @RequestParam(required = false) String article) {
        return customer(customer, () -> book.article(article == null ? "" : article).<ResponseEntity<Object>>map(found ->
                ResponseEntity.ok(Map.of("article", article, "branches", found.branches().entrySet().stream()
                        .map(branch -> Map.of("branch", branch.getKey(), "quantity", branch.getValue())).toList())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("detail", "Not found."))));
    }

    @PostMapping(BASE + "/orders/")
    ResponseEntity<Object> order(@RequestBody JsonNode body) {
        return customer(body.path("customer_id").asString(null), () -> {
            JsonNode items = body.path("items");
            if (!items.isArray() || items.isEmpty()) {
                return ResponseEntity.badRequest().body(Map.of("items", List.of("This list may not be empty.")));
            }
            List<Map<String, Object>> taken = new ArrayList<>();
            for (JsonNode item : items) {
                String article = item.path("article").asString("");
                if (book.article(article).isEmpty() || !item.path("quantity").isNumber()
                        || item.path("quantity").decimalValue().signum() <= 0) {
                    return ResponseEntity.badRequest().body(Map.of("items", List.of("Invalid item " + article + ".")));
                }
                taken.add(Map.of("article", article, "quantity", item.path("quantity").decimalValue()));
            }
            SupplierBook.Order order = book.order("VS-", LocalDate.now(ZoneOffset.UTC), taken);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", order.id(),
                    "created_at", order.date().toString()));
        });
    }

    @GetMapping(BASE + "/invoices/")
    ResponseEntity<Object> invoices(@RequestParam(name = "customer_id", required = false) String customer,
            @RequestParam(name = "date_from", required = false) String dateFrom) {
        return customer(customer, () -> {
            LocalDate from;
            try {
                from = LocalDate.parse(dateFrom == null ? "" : dateFrom);
            } catch (java.time.format.DateTimeParseException e) {
                return ResponseEntity.badRequest().body(Map.of("date_from", List.of("Enter a valid date.")));
            }
            return ResponseEntity.ok(Map.of("results", book.invoicesFrom(from).stream().map(invoice -> {
                Map<String, Object> item = new HashMap<>();
                item.put("id", invoice.id());
                item.put("number", invoice.number());
                item.put("date", invoice.date().toString());
                item.put("currency", "EUR");
                item.put("total", invoice.total() == null ? null : invoice.total().toPlainString());
                item.put("order", invoice.orderId());
                item.put("items", invoice.lines().stream().map(line -> Map.of("article", line.get("sku"),
                        "name", String.valueOf(line.getOrDefault("name", "")),
                        "quantity", String.valueOf(line.get("quantity")),
                        "price", String.valueOf(line.getOrDefault("price", BigDecimal.ZERO)))).toList());
                return item;
            }).toList()));
        });
    }

    private ResponseEntity<Object> customer(String customer, Supplier<ResponseEntity<Object>> answer) {
        if (customer == null || customer.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("customer_id", List.of("This field is required.")));
        }
        if (!customerId.equals(customer)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Map.of("detail", "You do not have permission to perform this action."));
        }
        return answer.get();
    }
}
