package com.crossdock.sandbox.prodsmart;

import java.util.List;
import java.util.Map;

import com.crossdock.sandbox.auth.TokenIssuer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * The Prodsmart API as prodsmart-api.pl.txt describes it, under {@code /prodsmart}: the authorization resource
 * ("AUTORYZACJA"), the change feeds ({@code GET /api/changes/{channel}}), and the list endpoints a reconciliation
 * reads (products, stock per product, production orders; pages of 25 from 1). Credentials and the company's
 * limit are checked before any of it by the kit's gates ({@link ProdsmartApiConfiguration}).
 */
@RestController
class ProdsmartApiController {

    private static final List<String> SCOPES = List.of("productions_write");

    private final ProdsmartApiProperties properties;
    private final TokenIssuer tokens;
    private final ProdsmartChangeFeed feed;
    private final ProdsmartResources resources;

    ProdsmartApiController(ProdsmartApiProperties properties, TokenIssuer prodsmartTokens, ProdsmartChangeFeed feed,
                           ProdsmartResources resources) {
        this.properties = properties;
        this.tokens = prodsmartTokens;
        this.feed = feed;
        this.resources = resources;
    }

    @PostMapping("/prodsmart/api/authorization")
    ResponseEntity<Map<String, Object>> createAuthorization() {
        return ResponseEntity.status(HttpStatus.CREATED).body(authorizationBody(tokens.issue()));
    }

    @GetMapping("/prodsmart/api/authorization")
    ResponseEntity<Map<String, Object>> getAuthorization() {
        return tokens.current().map(token -> ResponseEntity.ok(authorizationBody(token)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no token yet; POST to create one"));
    }

    @DeleteMapping("/prodsmart/api/authorization")
    ResponseEntity<Void> deleteAuthorization() {
        tokens.revokeAll();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/prodsmart/api/changes/{channel}")
    List<JsonNode> changes(@PathVariable String channel) {
        if (!properties.channels().containsKey(channel)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no change channel named " + channel);
        }
        return feed.take(channel, properties.pageSize());
    }

    @GetMapping("/prodsmart/api/products")
    List<JsonNode> products(@RequestParam(defaultValue = "1") int page) {
        return resources.productsPage(page, properties.pageSize());
    }

    @GetMapping("/prodsmart/api/stock/{code}")
    JsonNode stock(@PathVariable String code) {
        return resources.stockOf(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Product not found: " + code));
    }

    @GetMapping({"/prodsmart/api/production-orders", "/prodsmart/api/production-orders/"})
    List<JsonNode> productionOrders(@RequestParam(defaultValue = "1") int page,
                                    @RequestParam(required = false) Boolean active,
                                    @RequestParam(name = "running-status", required = false) String runningStatus) {
        return resources.productionOrdersPage(page, properties.pageSize(), order ->
                (active == null || order.path("active").asBoolean(order.path("is-active").asBoolean(true)) == active)
                        && (runningStatus == null || runningStatus.equals(order.path("running-status").asString())));
    }

    private static Map<String, Object> authorizationBody(String token) {
        return Map.of("_links", Map.of("self", Map.of("href", "/api/authorizations")), "scopes", SCOPES,
                "token", token);
    }
}
