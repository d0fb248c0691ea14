package com.crossdock.sandbox.suppliers.uniquetrade;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Unique Trade (VENDORS.md "JWT from login + refresh token"): {@code POST /api/auth/login {login, password}} and
 * {@code POST /api/auth/refresh {refresh_token}} answer {@code {access_token, refresh_token, expires_in}}; every other
 * call needs {@code Authorization: Bearer <access JWT>}, else 401 {@code {"statusCode":401,"message":...}}. Dates
 * {@code YYYY-MM-DD}.
 */
@RestController
class UniqueTradeApi {

    private static final String BASE = "/suppliers/uniquetrade/api";

    private final SupplierBook book;
    private final UniqueTradeTokens tokens;
    private final SuppliersSandboxProperties.UniqueTrade account;

    UniqueTradeApi(SupplierBooks books, UniqueTradeTokens uniqueTradeTokens, SuppliersSandboxProperties properties) {
        this.book = books.book(SupplierBooks.UNIQUE_TRADE);
        this.tokens = uniqueTradeTokens;
        this.account = properties.uniqueTrade();
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        UniqueTradeTokens uniqueTradeTokens(SuppliersSandboxProperties properties) {
            return new UniqueTradeTokens(Clock.systemUTC(), properties.uniqueTrade().tokenLife());
        }

        @Bean
        VendorAuth uniqueTradeAuth(UniqueTradeTokens uniqueTradeTokens) {
            return VendorAuth.of(SupplierBooks.prefix(SupplierBooks.UNIQUE_TRADE), (exchange, error) -> JsonAnswer.write(
                            exchange, error.status(), Map.of("statusCode", error.status().value(), "message", error.message())))
                    .on(path -> path.startsWith("/api/auth/"), request -> Optional.empty())
                    .everywhere(request -> {
                        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                        String jwt = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
                        return uniqueTradeTokens.valid(jwt) ? Optional.empty()
                                : Optional.of(new VendorError(HttpStatus.UNAUTHORIZED, jwt == null
                                        ? "missing Authorization: Bearer <jwt>" : "invalid or expired token"));
                    });
        }

        @Bean
        VendorSandbox uniqueTradeSandbox(SupplierBooks books, UniqueTradeTokens uniqueTradeTokens) {
            return SuppliersSandboxConfiguration.sandbox(books.book(SupplierBooks.UNIQUE_TRADE), uniqueTradeTokens::state,
                    uniqueTradeTokens::reset);
        }
    }

    @PostMapping(BASE + "/auth/login")
    ResponseEntity<Object> login(@RequestBody JsonNode body) {
        boolean valid = same(body.path("login").asString(""), account.login())
                & same(body.path("password").asString(""), account.password());
        return valid ? ResponseEntity.ok(tokens.login(account.login()))
                : message(HttpStatus.UNAUTHORIZED, "wrong login or password");
    }

    @PostMapping(BASE + "/auth/refresh")
    ResponseEntity<Object> refresh(@RequestBody JsonNode body) {
        Map<String, Object> pair = tokens.refresh(body.path("refresh_token").asString(null));
        return pair != null ? ResponseEntity.ok(pair) : message(HttpStatus.UNAUTHORIZED, "invalid refresh token");
    }

    /** Control: every access JWT issued so far stops being valid (refresh tokens stay good). */
    @PostMapping("/suppliers/uniquetrade/_sandbox/tokens/expire")
    Map<String, Object> expire() {
        tokens.expireAll();
        return tokens.state();
    }

    @GetMapping(BASE + "/products/price")
    ResponseEntity<Object> price(@RequestParam(required = false) String code,
            @RequestParam(required = false) BigDecimal quantity) {
        return book.article(code == null ? "" : code).<ResponseEntity<Object>>map(found -> ResponseEntity.ok(Map.of(
                "code", code, "price", found.price(), "currency", found.currency())))
                .orElseGet(() -> message(HttpStatus.NOT_FOUND, "product not found"));
    }

    @GetMapping(BASE + "/products/stock")
    ResponseEntity<Object> stock(@RequestParam(required = false) String code) {
        return book.article(code == null ? "" : code).<ResponseEntity<Object>>map(found -> ResponseEntity.ok(Map.of(
                "code", code, "stores", found.branches().entrySet().stream().map(branch -> Map.of("store",
                        branch.getKey(), "available", Integer.parseInt(branch.getValue()))).toList())))
                .orElseGet(() -> message(HttpStatus.NOT_FOUND, "product not found"));
    }

    @PostMapping(BASE + "/orders")
    ResponseEntity<Object> order(@RequestBody JsonNode body) {
        JsonNode positions = body.path("positions");
        if (!positions.isArray() || positions.isEmpty()) {
            return message(HttpStatus.BAD_REQUEST, "positions: at least one position is required");
        }
        List<Map<String, Object>> taken = new ArrayList<>();
        for (JsonNode position : positions) {
            String code = position.path("code").asString("");
            if (book.article(code).isEmpty() || !position.path("quantity").isNumber()
                    || position.path("quantity").decimalValue().signum() <= 0) {
                return message(HttpStatus.BAD_REQUEST, "position " + code + ": unknown product or bad quantity");
            }
            taken.add(Map.of("code", code, "quantity", position.path("quantity").decimalValue()));
        }
        SupplierBook.Order order = book.order("UT-", LocalDate.now(ZoneOffset.UTC), taken);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", order.id(), "created", order.date().toString()));
    }

    @GetMapping(BASE + "/invoices")
    ResponseEntity<Object> invoices(@RequestParam(required = false) String from) {
        LocalDate since;
        try {
            since = LocalDate.parse(from == null ? "" : from);
        } catch (java.time.format.DateTimeParseException e) {
            return message(HttpStatus.BAD_REQUEST, "from must be YYYY-MM-DD");
        }
        return ResponseEntity.ok(book.invoicesFrom(since).stream().map(invoice -> {
            Map<String, Object> item = new HashMap<>();
            item.put("id", invoice.id());
            item.put("number", invoice.number());
            item.put("date", invoice.date().toString());
            item.put("currency", invoice.currency());
            item.put("amount", invoice.total());
            item.put("orderId", invoice.orderId());
            item.put("positions", invoice.lines().stream().map(line -> Map.of("code", line.get("sku"),
                    "name", String.valueOf(line.getOrDefault("name", "")), "quantity", line.get("quantity"),
                    "price", line.getOrDefault("price", BigDecimal.ZERO))).toList());
            return item;
        }).toList());
    }

    private static boolean same(String sent, String expected) {
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Object> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("statusCode", status.value(), "message", message));
    }
}
