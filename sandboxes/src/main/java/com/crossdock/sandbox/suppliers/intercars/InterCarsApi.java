package com.crossdock.sandbox.suppliers.intercars;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.crossdock.sandbox.JsonAnswer;
import com.crossdock.sandbox.VendorError;
import com.crossdock.sandbox.VendorSandbox;
import com.crossdock.sandbox.auth.AuthGates;
import com.crossdock.sandbox.auth.TokenIssuer;
import com.crossdock.sandbox.auth.VendorAuth;
import com.crossdock.sandbox.suppliers.SupplierBook;
import com.crossdock.sandbox.suppliers.SupplierBooks;
import com.crossdock.sandbox.suppliers.SuppliersSandboxConfiguration;
import com.crossdock.sandbox.suppliers.SuppliersSandboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Inter Cars (VENDORS.md "Inter Cars"): OAuth2 client credentials ({@code POST /oauth2/token}, Basic ClientID:ClientSecret,
 * form {@code grant_type=client_credentials}); every other call {@code Authorization: Bearer} and {@code Accept-Language}
 * (400 {@code {"code":"MISSING_LANGUAGE"}} without it); at most 100 SKUs per stock call ({@code GET /inventory/stock
 * ?sku=..&sku=..}) and 20 lines per price basket ({@code POST /pricing/quote}), 400 over either; unknown SKUs dropped from
 * the answer and listed in {@code X-Unknown-Skus: A,B}. The header's name and the shapes are the sandbox's choice.
 */
@RestController
class InterCarsApi {

    private static final String PREFIX = SupplierBooks.prefix(SupplierBooks.INTERCARS);
    private static final String BASE = "/suppliers/intercars";
    static final String UNKNOWN = "X-Unknown-Skus";

    private final SupplierBook book;
    private final TokenIssuer tokens;
    private final java.time.Duration tokenLife;
    private final AtomicLong stockCalls = new AtomicLong();
    private final AtomicLong priceCalls = new AtomicLong();

    InterCarsApi(SupplierBooks books, TokenIssuer intercarsTokens, SuppliersSandboxProperties properties) {
        this.book = books.book(SupplierBooks.INTERCARS);
        this.tokens = intercarsTokens;
        this.tokenLife = properties.intercars().tokenLife();
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        TokenIssuer intercarsTokens(SuppliersSandboxProperties properties) {
            return new TokenIssuer(PREFIX, Clock.systemUTC(), properties.intercars().tokenLife());
        }

        @Bean
        VendorAuth intercarsAuth(SuppliersSandboxProperties properties, TokenIssuer intercarsTokens) {
            var bearer = AuthGates.bearer(intercarsTokens);
            return VendorAuth.of(PREFIX, (exchange, error) -> JsonAnswer.write(exchange, error.status(), Map.of(
                            "code", error.status() == HttpStatus.BAD_REQUEST ? "MISSING_LANGUAGE" : "UNAUTHORIZED",
                            "message", error.message())))
                    .on("/oauth2/token"::equals, AuthGates.basic(properties.intercars().clientId(),
                            properties.intercars().clientSecret(), "invalid client credentials"))
                    .everywhere(request -> {
                        String language = request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE);
                        return language == null || language.isBlank()
                                ? Optional.of(new VendorError(HttpStatus.BAD_REQUEST, "Accept-Language header is mandatory"))
                                : bearer.check(request);
                    });
        }
    }

    @Bean
    VendorSandbox intercarsSandbox(SupplierBooks books) {
        return SuppliersSandboxConfiguration.sandbox(books.book(SupplierBooks.INTERCARS), () -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("tokensIssued", tokens.issuedTotal());
            state.put("stockCalls", stockCalls.get());
            state.put("priceCalls", priceCalls.get());
            return state;
        }, () -> {
            tokens.reset();
            stockCalls.set(0);
            priceCalls.set(0);
        });
    }

    /** RFC 6749 4.4: a form {@code grant_type=client_credentials} (WebFlux reads a form from the exchange). */
    @PostMapping(path = BASE + "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Object>> token(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> "client_credentials".equals(form.getFirst("grant_type"))
                ? ResponseEntity.ok(Map.of("access_token", tokens.issue(), "token_type", "Bearer", "expires_in",
                        tokenLife.toSeconds()))
                : ResponseEntity.badRequest().body(Map.of("error", "unsupported_grant_type")));
    }

    @GetMapping(BASE + "/inventory/stock")
    ResponseEntity<Object> stock(@RequestParam(name = "sku", required = false) List<String> skus) {
        stockCalls.incrementAndGet();
        if (skus == null || skus.isEmpty() || skus.size() > 100) {
            return ResponseEntity.badRequest().body(Map.of("code", "SKU_LIMIT", "message",
                    "between 1 and 100 sku per call"));
        }
        List<String> unknown = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (String sku : skus) {
            book.article(sku).ifPresentOrElse(found -> items.add(Map.of("sku", sku, "branches", found.branches()
                    .entrySet().stream().map(branch -> Map.of("branch", branch.getKey(),
                            "quantity", Integer.parseInt(branch.getValue()))).toList())), () -> unknown.add(sku));
        }
        return withUnknown(unknown).body(items);
    }

    @PostMapping(BASE + "/pricing/quote")
    ResponseEntity<Object> prices(@RequestBody JsonNode body) {
        priceCalls.incrementAndGet();
        JsonNode lines = body.path("lines");
        if (!lines.isArray() || lines.isEmpty() || lines.size() > 20) {
            return ResponseEntity.badRequest().body(Map.of("code", "BASKET_LIMIT", "message",
                    "between 1 and 20 lines per basket"));
        }
        List<String> unknown = new ArrayList<>();
        List<Map<String, Object>> priced = new ArrayList<>();
        for (JsonNode line : lines) {
            String sku = line.path("sku").asString("");
            book.article(sku).ifPresentOrElse(found -> priced.add(Map.of("sku", sku, "price", found.price())),
                    () -> unknown.add(sku));
        }
        return withUnknown(unknown).body(Map.of("currency", "UAH", "lines", priced));
    }

    @PostMapping(BASE + "/sales/orders")
    ResponseEntity<Object> order(@RequestBody JsonNode body) {
        JsonNode lines = body.path("lines");
        if (!lines.isArray() || lines.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("code", "EMPTY_ORDER", "message", "lines are required"));
        }
        List<Map<String, Object>> taken = new ArrayList<>();
        for (JsonNode line : lines) {
            String sku = line.path("sku").asString("");
            if (book.article(sku).isEmpty() || !line.path("quantity").isNumber()
                    || line.path("quantity").decimalValue().signum() <= 0) {
                return ResponseEntity.badRequest().body(Map.of("code", "INVALID_LINE", "message", "line " + sku));
            }
            taken.add(Map.of("sku", sku, "quantity", line.path("quantity").decimalValue()));
        }
        SupplierBook.Order order = book.order("IC-", LocalDate.now(ZoneOffset.UTC), taken);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("orderId", order.id(),
                "created", order.date().toString()));
    }

    @GetMapping(BASE + "/invoices")
    ResponseEntity<Object> invoices(@RequestParam(required = false) String issuedFrom) {
        LocalDate from;
        try {
            from = LocalDate.parse(issuedFrom == null ? "" : issuedFrom);
        } catch (java.time.format.DateTimeParseException e) {
            return ResponseEntity.badRequest().body(Map.of("code", "INVALID_DATE", "message", "issuedFrom: YYYY-MM-DD"));
        }
        return ResponseEntity.ok(Map.of("invoices", book.invoicesFrom(from).stream().map(invoice -> {
            Map<String, Object> item = new HashMap<>();
            item.put("id", invoice.id());
            item.put("number", invoice.number());
            item.put("issued", invoice.date().toString());
            item.put("currency", invoice.currency());
            item.put("total", invoice.total());
            item.put("orderId", invoice.orderId());
            item.put("lines", invoice.lines().stream().map(line -> Map.of("sku", line.get("sku"),
                    "description", String.valueOf(line.getOrDefault("name", "")), "quantity", line.get("quantity"),
                    "unitPrice", line.getOrDefault("price", BigDecimal.ZERO))).toList());
            return item;
        }).toList()));
    }

    private static ResponseEntity.BodyBuilder withUnknown(List<String> unknown) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        if (!unknown.isEmpty()) {
            builder.header(UNKNOWN, String.join(",", unknown));
        }
        return builder;
    }
}
