package com.crossdock.sandbox.suppliers.busmarket;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * BusMarket (VENDORS.md "BusMarket"): {@code Authorization: <key>}, the key itself with no "Bearer"; a key lives a year
 * ({@code sandboxes.suppliers.busmarket.key-expires-on}); an unauthorised call, a wrong, missing, Bearer-prefixed or
 * expired key alike, answers 404 {@code {"message":"Not Found"}}; every answer carries {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset}, and past the quota 429 with {@code Retry-After}. Dates
 * {@code YYYY-MM-DD}, snake_case.
 */
@RestController
class BusMarketApi {

    private static final String BASE = "/suppliers/busmarket/api";

    private final SupplierBook book;
    private final BusMarketQuota quota;

    BusMarketApi(SupplierBooks books, BusMarketQuota busmarketQuota) {
        this.book = books.book(SupplierBooks.BUSMARKET);
        this.quota = busmarketQuota;
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        BusMarketQuota busmarketQuota(SuppliersSandboxProperties properties) {
            return new BusMarketQuota(Clock.systemUTC(), properties.busmarket().rateLimit(),
                    properties.busmarket().ratePeriod());
        }

        @Bean
        VendorAuth busmarketAuth(SuppliersSandboxProperties properties) {
            byte[] key = properties.busmarket().key().getBytes(StandardCharsets.UTF_8);
            LocalDate lastDay = properties.busmarket().keyExpiresOn() != null ? properties.busmarket().keyExpiresOn()
                    : LocalDate.now(ZoneOffset.UTC).plusYears(1);
            return VendorAuth.of(SupplierBooks.prefix(SupplierBooks.BUSMARKET),
                            (exchange, error) -> JsonAnswer.write(exchange, error.status(), Map.of("message", "Not Found")))
                    .everywhere(request -> {
                        String sent = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                        boolean valid = sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), key)
                                && !LocalDate.now(ZoneOffset.UTC).isAfter(lastDay);
                        return valid ? Optional.empty() : Optional.of(new VendorError(HttpStatus.NOT_FOUND, "Not Found"));
                    });
        }

        @Bean
        VendorSandbox busmarketSandbox(SupplierBooks books, BusMarketQuota busmarketQuota,
                SuppliersSandboxProperties properties) {
            return SuppliersSandboxConfiguration.sandbox(books.book(SupplierBooks.BUSMARKET), busmarketQuota::state,
                    () -> busmarketQuota.reset(properties.busmarket().rateLimit(), properties.busmarket().ratePeriod()));
        }
    }

    /** Control: the quota from now on, {@code {"limit": 5, "period": "PT1M"}}; not a BusMarket API. */
    record QuotaSetting(int limit, Duration period) {
    }

    @PutMapping("/suppliers/busmarket/_sandbox/quota")
    Map<String, Object> quota(@RequestBody QuotaSetting setting) {
        quota.configure(setting.limit(), setting.period());
        return quota.state();
    }

    @GetMapping(BASE + "/prices")
    ResponseEntity<Object> price(@RequestParam(required = false) String article,
            @RequestParam(required = false) BigDecimal qty) {
        return counted(() -> book.article(article == null ? "" : article).<ResponseEntity<Object>>map(found ->
                ResponseEntity.ok(Map.of("article", article, "price", found.price(), "currency", found.currency())))
                .orElseGet(() -> message(HttpStatus.UNPROCESSABLE_ENTITY, "unknown article")));
    }

    @GetMapping(BASE + "/stock")
    ResponseEntity<Object> stock(@RequestParam(required = false) String article) {
        return counted(() -> book.article(article == null ? "" : article).<ResponseEntity<Object>>map(found ->
                ResponseEntity.ok(Map.of("article", article, "stock", found.branches().entrySet().stream()
                        .map(branch -> Map.of("branch", branch.getKey(), "qty", Integer.parseInt(branch.getValue())))
                        .toList()))).orElseGet(() -> message(HttpStatus.UNPROCESSABLE_ENTITY, "unknown article")));
    }

    @PostMapping(BASE + "/orders")
    ResponseEntity<Object> order(@RequestBody JsonNode body) {
        return counted(() -> {
            JsonNode items = body.path("items");
            if (!items.isArray() || items.isEmpty()) {
                return message(HttpStatus.UNPROCESSABLE_ENTITY, "items: at least one item is required");
            }
            List<Map<String, Object>> taken = new ArrayList<>();
            for (JsonNode item : items) {
                String article = item.path("article").asString("");
                if (book.article(article).isEmpty() || !item.path("qty").isNumber()
                        || item.path("qty").decimalValue().signum() <= 0) {
                    return message(HttpStatus.UNPROCESSABLE_ENTITY, "item " + article + ": unknown article or bad qty");
                }
                taken.add(Map.of("article", article, "qty", item.path("qty").decimalValue()));
            }
            SupplierBook.Order order = book.order("BM-", LocalDate.now(ZoneOffset.UTC), taken);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("order_id", order.id(),
                    "created_at", order.date().toString()));
        });
    }

    @GetMapping(BASE + "/invoices")
    ResponseEntity<Object> invoices(@RequestParam(name = "date_from", required = false) String dateFrom) {
        return counted(() -> {
            LocalDate from;
            try {
                from = LocalDate.parse(dateFrom == null ? "" : dateFrom);
            } catch (java.time.format.DateTimeParseException e) {
                return message(HttpStatus.UNPROCESSABLE_ENTITY, "date_from must be YYYY-MM-DD");
            }
            return ResponseEntity.ok(Map.of("invoices", book.invoicesFrom(from).stream().map(invoice -> {
                Map<String, Object> item = new HashMap<>();
                item.put("id", invoice.id());
                item.put("number", invoice.number());
                item.put("date", invoice.date().toString());
                item.put("currency", invoice.currency());
                item.put("total", invoice.total());
                item.put("order_id", invoice.orderId());
                item.put("items", invoice.lines().stream().map(line -> Map.of("article", line.get("sku"),
                        "name", String.valueOf(line.getOrDefault("name", "")), "qty", line.get("quantity"),
                        "price", line.getOrDefault("price", BigDecimal.ZERO))).toList());
                return item;
            }).toList()));
        });
    }

    private ResponseEntity<Object> counted(Supplier<ResponseEntity<Object>> answer) {
        BusMarketQuota.Take take = quota.take();
        ResponseEntity<Object> response = take.admitted() ? answer.get()
                : ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(take.resetSeconds()))
                        .body(Map.of("message", "Too Many Requests"));
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .header("X-RateLimit-Limit", Integer.toString(take.limit()))
                .header("X-RateLimit-Remaining", Integer.toString(take.remaining()))
                .header("X-RateLimit-Reset", Long.toString(take.resetSeconds()))
                .body(response.getBody());
    }

    private static ResponseEntity<Object> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
