package com.crossdock.poller;

import java.util.function.Consumer;
import java.util.function.Function;

import com.crossdock.platform.vendor.client.VendorClient;
import com.crossdock.platform.vendor.client.VendorClients;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The Prodsmart calls of the poller, on the platform's vendor client {@code crossdock.vendors.prodsmart}: every
 * call goes through the company's one policy (pacing, retry, Retry-After and the throttle gate, breaker) with
 * the shared token (Prodsmart's token exchange, renewed before its end and once on a 401). The answers are raw
 * bytes, so that even an unreadable one can be kept.
 */
class ProdsmartClient {

    /** Reconciliation's share of the budget: {@code crossdock.vendors.prodsmart.shares.reconciliation}. */
    static final String RECONCILIATION = "reconciliation";

    private final VendorClient client;

    private ProdsmartClient(VendorClient client) {
        this.client = client;
    }

    /** The client as the poller runs it: its requests, token requests included, counted for the budget gauge. */
    static ProdsmartClient create(VendorClients clients, PollerMetrics metrics) {
        return create(clients, metrics, web -> {
        });
    }

    /** As {@link #create(VendorClients, PollerMetrics)}, with {@code customizer} adjusting the WebClient after (tests). */
    static ProdsmartClient create(VendorClients clients, PollerMetrics metrics, Consumer<WebClient.Builder> customizer) {
        return new ProdsmartClient(clients.client(PollerConfiguration.VENDOR, web -> {
            web.filter((request, next) -> Mono.defer(() -> {
                metrics.request();
                return next.exchange(request);
            }));
            customizer.accept(web);
        }));
    }

    /** The same client, whose calls take reconciliation's share of the budget before the company's. */
    ProdsmartClient reconciliation() {
        return new ProdsmartClient(client.share(RECONCILIATION));
    }

    /** {@code GET /api/changes/{channel}}. */
    Mono<byte[]> changes(String channel) {
        return get("getChanges", web -> web.get().uri("/api/changes/{channel}", channel));
    }

    Mono<byte[]> productsPage(int page) {
        return get("listProducts", web -> web.get().uri(uri -> uri.path("/api/products").queryParam("page", page).build()));
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
