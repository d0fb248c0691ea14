package com.crossdock.poller;

import java.util.function.Function;

import com.crossdock.platform.vendor.client.VendorClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The Prodsmart calls of the poller, on a client of the poller kit's budget ({@code PollerBudget}: the platform's
 * vendor client {@code crossdock.vendors.prodsmart}, or its reconciliation share): every call goes through the
 * company's one policy (pacing, retry, Retry-After and the throttle gate, breaker) with the shared token
 * (Prodsmart's token exchange, renewed before its end and once on a 401). The answers are raw bytes, so that even an
 * unreadable one can be kept.
 */
class ProdsmartClient {

    /**
     * The most items one call answers: a change-feed call returns "maksymalnie 25 na każde wywołanie usługi" ("Kanały
     * źródła danych zmian"), and a list is paged at 25 ("Ta usługa jest stronicowana i zwraca 25 ZP na stronę", the
     * production-order list; the product list is paged alike) (prodsmart-api.pl.txt). A page this long is full: more
     * is waiting.
     */
    static final int PAGE_SIZE = 25;

    private final VendorClient client;

    ProdsmartClient(VendorClient client) {
        this.client = client;
    }

    /** {@code GET /api/changes/{channel}}. */
    Mono<byte[]> changes(String channel) {
        return get("getChanges", web -> web.get().uri("/api/changes/{channel}", channel));
    }

    Mono<byte[]> productsPage(int page) {
        return get("listProducts", web -> web.get().uri(uri -> uri.path("/api/products").queryParam("page", page).build()));
    }

    /** {@code GET /api/products/{code}}: 404 "If product with the provided code doesn't exist". */
    Mono<byte[]> product(String code) {
        return get("getProduct", web -> web.get().uri("/api/products/{code}", code));
    }

    /** {@code GET /api/production-orders/{id}}. */
    Mono<byte[]> productionOrder(String id) {
        return get("getProductionOrder", web -> web.get().uri("/api/production-orders/{id}", id));
    }

    Mono<byte[]> stock(String productCode) {
        return get("getStock", web -> web.get().uri("/api/stock/{code}", productCode));
    }

    /** Open orders only: {@code active=true} ("wyświetl tylko aktywne (true) ... zamówienia produkcji"). */
    Mono<byte[]> activeProductionOrdersPage(int page) {
        return get("listProductionOrders", web -> web.get().uri(uri -> uri.path("/api/production-orders/")
                .queryParam("page", page).queryParam("active", true).build()));
    }

    private Mono<byte[]> get(String operation, Function<WebClient, WebClient.RequestHeadersSpec<?>> request) {
        return client.exchange(operation, request, byte[].class).defaultIfEmpty(new byte[0]);
    }
}
