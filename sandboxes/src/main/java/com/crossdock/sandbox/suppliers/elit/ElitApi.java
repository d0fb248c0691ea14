package com.crossdock.sandbox.suppliers.elit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crossdock.sandbox.JsonAnswer;
import com.crossdock.sandbox.VendorSandbox;
import com.crossdock.sandbox.auth.AuthGates;
import com.crossdock.sandbox.auth.VendorAuth;
import com.crossdock.sandbox.suppliers.SupplierBook;
import com.crossdock.sandbox.suppliers.SupplierBooks;
import com.crossdock.sandbox.suppliers.SuppliersSandboxConfiguration;
import com.crossdock.sandbox.suppliers.SuppliersSandboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Elit (carbook-supplier-apis.uk.txt "Еліт"): the eCat login and password, here as HTTP Basic on every call (the
 * document names the credentials, not how they travel); price, stock per warehouse, orders; "4. Не доступна
 * можливість": no invoices, so there is no invoice path (404). Errors {@code {"error": ...}}.
 */
@RestController
class ElitApi {

    private static final String BASE = "/suppliers/elit/api/v1";

    private final SupplierBook book;

    ElitApi(SupplierBooks books) {
        this.book = books.book(SupplierBooks.ELIT);
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        VendorAuth elitAuth(SuppliersSandboxProperties properties) {
            return VendorAuth.of(SupplierBooks.prefix(SupplierBooks.ELIT),
                            (exchange, error) -> JsonAnswer.write(exchange, error.status(), Map.of("error", error.message())))
                    .everywhere(AuthGates.basic(properties.elit().login(), properties.elit().password(),
                            "eCat login and password required"));
        }

        @Bean
        VendorSandbox elitSandbox(SupplierBooks books) {
            return SuppliersSandboxConfiguration.sandbox(books.book(SupplierBooks.ELIT), Map::of, () -> { });
        }
    }

    @GetMapping(BASE + "/price")
    ResponseEntity<Map<String, Object>> price(@RequestParam(required = false) String article,
            @RequestParam(required = false) BigDecimal quantity) {
        if (article == null || article.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "article is required");
        }
        return book.article(article).map(found -> ResponseEntity.ok(Map.<String, Object>of("article", article,
                "price", found.price(), "currency", found.currency()))).orElseGet(() -> error(HttpStatus.NOT_FOUND,
                "unknown article " + article));
    }

    @GetMapping(BASE + "/stock")
    ResponseEntity<Map<String, Object>> stock(@RequestParam(required = false) String article) {
        if (article == null || article.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "article is required");
        }
        return book.article(article).map(found -> ResponseEntity.ok(Map.<String, Object>of("article", article,
                "warehouses", found.branches().entrySet().stream().map(branch -> Map.of("warehouse", branch.getKey(),
                        "quantity", Integer.parseInt(branch.getValue()))).toList())))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "unknown article " + article));
    }

    @PostMapping(BASE + "/orders")
    ResponseEntity<Map<String, Object>> order(@RequestBody JsonNode body) {
        JsonNode lines = body.path("lines");
        if (!lines.isArray() || lines.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "lines: at least one line is required");
        }
        List<Map<String, Object>> taken = new ArrayList<>();
        for (JsonNode line : lines) {
            String article = line.path("article").asString("");
            if (book.article(article).isEmpty()) {
                return error(HttpStatus.UNPROCESSABLE_ENTITY, "unknown article " + article);
            }
            if (!line.path("quantity").isNumber() || line.path("quantity").decimalValue().signum() <= 0) {
                return error(HttpStatus.BAD_REQUEST, "quantity of " + article + " must be a positive number");
            }
            taken.add(Map.of("article", article, "quantity", line.path("quantity").decimalValue()));
        }
        SupplierBook.Order order = book.order("EL-", LocalDate.now(), taken);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("orderNumber", order.id(),
                "createdAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
