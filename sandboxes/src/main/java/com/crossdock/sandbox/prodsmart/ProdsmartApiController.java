package com.crossdock.sandbox.prodsmart;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.crossdock.sandbox.auth.TokenIssuer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * The Prodsmart API as prodsmart-api.pl.txt describes it, under {@code /prodsmart}: the authorization resource
 * ("AUTORYZACJA"), the change feeds ({@code GET /api/changes/{channel}}), and the list endpoints a reconciliation
 * reads (products, stock per product, production orders; pages of 25 from 1) and the single reads that confirm a
 * removal (a product by code, a production order by id). Credentials and the company's limit are checked before any
 * of it by the kit's gates ({@link ProdsmartApiConfiguration}). It is never more lenient than the document: a request
 * that breaks one of its rules (the scopes body, a page before 1, an unknown running status, a blank or unknown
 * {@code lot}) is refused with 400 and the rule.
 */
@RestController
class ProdsmartApiController {

    /** "W tej chwili jedynym dostępnym zakresem jest productions_write" (AUTORYZACJA). */
    private static final String SCOPE = "productions_write";
    /** running-status: "notstarted, started, closed, archived" (Wyświetl listę zamówień produkcji). */
    private static final Set<String> RUNNING_STATUSES = Set.of("notstarted", "started", "closed", "archived");

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

    /**
     * "Tworzenie autoryzacji": {@code Content-Type: application/json} (else 415) and the body
     * {@code { "scopes": [ "productions_write" ] }}: a JSON object whose {@code scopes} is a non-empty array of the
     * one scope there is (else 400).
     */
    @PostMapping(path = "/prodsmart/api/authorization", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> createAuthorization(@RequestBody(required = false) JsonNode body) {
        JsonNode scopes = body == null ? null : body.get("scopes");
        if (scopes == null || !scopes.isArray() || scopes.isEmpty()) {
            throw badRequest("the body must be {\"scopes\": [\"" + SCOPE + "\"]}");
        }
        for (JsonNode scope : scopes) {
            if (!scope.isString() || !SCOPE.equals(scope.asString())) {
                throw badRequest("unknown scope " + scope + ": the only scope is " + SCOPE);
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(authorizationBody(tokens.issue(properties.singleToken())));
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
        return resources.productsPage(checked(page), properties.pageSize());
    }

    /** "Pobieranie produktu": 404 "If product with the provided code doesn't exist". */
    @GetMapping("/prodsmart/api/products/{code}")
    JsonNode product(@PathVariable String code) {
        return resources.product(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "product with the provided code doesn't exist: " + code));
    }

    /**
     * "Pobieranie zapasów produktu": the product's stock with its lots; {@code lot} (a lot code) narrows the lots to
     * that one ("Pobierz kod partii i ilość zapasów do partii produktu"): blank or not a lot of the product is 400.
     */
    @GetMapping("/prodsmart/api/stock/{code}")
    JsonNode stock(@PathVariable String code, @RequestParam(required = false) String lot) {
        JsonNode stock = resources.stockOf(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Product not found: " + code));
        if (lot == null) {
            return stock;
        }
        if (lot.isBlank()) {
            throw badRequest("lot must name a lot of product " + code);
        }
        return ProdsmartResources.withLot(stock, lot)
                .orElseThrow(() -> badRequest("product " + code + " has no lot " + lot));
    }

    @GetMapping({"/prodsmart/api/production-orders", "/prodsmart/api/production-orders/"})
    List<JsonNode> productionOrders(@RequestParam(defaultValue = "1") int page,
                                    @RequestParam(required = false) Boolean active,
                                    @RequestParam(name = "running-status", required = false) String runningStatus) {
        if (runningStatus != null && !RUNNING_STATUSES.contains(runningStatus)) {
            throw badRequest("running-status must be one of " + RUNNING_STATUSES + ", not " + runningStatus);
        }
        return resources.productionOrdersPage(checked(page), properties.pageSize(), order ->
                (active == null || ProdsmartResources.active(order) == active)
                        && (runningStatus == null || runningStatus.equals(order.path("running-status").asString())));
    }

    /** "Pobieranie zamówienia produkcji": an order by its numeric id; a deleted or unknown one is 404. */
    @GetMapping("/prodsmart/api/production-orders/{id}")
    JsonNode productionOrder(@PathVariable long id) {
        return resources.productionOrder(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no production order " + id));
    }

    /** "page: indeks strony wyników, począwszy od 1". */
    private static int checked(int page) {
        if (page < 1) {
            throw badRequest("page is the index of a page of results, starting from 1; not " + page);
        }
        return page;
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    private static Map<String, Object> authorizationBody(String token) {
        return Map.of("_links", Map.of("self", Map.of("href", "/api/authorizations")), "scopes", List.of(SCOPE),
                "token", token);
    }
}
