package com.crossdock.poller;

import java.net.URI;
import java.time.Clock;
import java.util.function.Function;

import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.VendorPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The Prodsmart calls of the poller, each through the one vendor policy of the company (pacing, retry,
 * Retry-After, breaker) with the shared token. A 401 renews the token once and repeats the call: a
 * rejected call was not served, so repeating even a feed read loses nothing.
 */
class ProdsmartClient {

    private final WebClient webClient;
    private final VendorPolicy policy;
    private final ProdsmartTokens tokens;

    ProdsmartClient(WebClient webClient, VendorPolicy policy, ProdsmartTokens tokens) {
        this.webClient = webClient;
        this.policy = policy;
        this.tokens = tokens;
    }

    /**
     * The client as the poller runs it: one WebClient whose {@link CallGate} sees every request (retries and token
     * requests included), and one token cache on it.
     */
    static ProdsmartClient create(URI baseUrl, VendorPolicy policy, PollerProperties properties, Clock clock,
                                  PollerMetrics metrics) {
        WebClient webClient = WebClient.builder().baseUrl(baseUrl.toString())
                .filter(new CallGate(clock, metrics))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        return new ProdsmartClient(webClient, policy, new ProdsmartTokens(webClient, policy, properties, clock, metrics));
    }

    /** {@code GET /api/changes/{channel}}: the raw answer, so that even an unreadable one can be kept. */
    Mono<byte[]> changes(String channel) {
        return withToken(token -> policy.exchange("getChanges", webClient.get()
                .uri(uri -> uri.path("/api/changes/{channel}").queryParam("access_token", token).build(channel)),
                byte[].class).defaultIfEmpty(new byte[0]));
    }

    Mono<byte[]> productsPage(int page) {
        return withToken(token -> policy.exchange("listProducts", webClient.get()
                .uri(uri -> uri.path("/api/products").queryParam("page", page)
                        .queryParam("access_token", token).build()), byte[].class).defaultIfEmpty(new byte[0]));
    }

    Mono<byte[]> stock(String productCode) {
        return withToken(token -> policy.exchange("getStock", webClient.get()
                .uri(uri -> uri.path("/api/stock/{code}").queryParam("access_token", token).build(productCode)),
                byte[].class).defaultIfEmpty(new byte[0]));
    }

    /** Open orders only: {@code active=true} ("wyświetl tylko aktywne (true) ... zamówienia produkcji"). */
    Mono<byte[]> activeProductionOrdersPage(int page) {
        return withToken(token -> policy.exchange("listProductionOrders", webClient.get()
                .uri(uri -> uri.path("/api/production-orders/").queryParam("page", page).queryParam("active", true)
                        .queryParam("access_token", token).build()), byte[].class).defaultIfEmpty(new byte[0]));
    }

    private <T> Mono<T> withToken(Function<String, Mono<T>> call) {
        return tokens.token().flatMap(token -> call.apply(token).onErrorResume(ProdsmartClient::unauthorized, rejected -> {
            tokens.invalidate(token);
            return tokens.token().flatMap(call);
        }));
    }

    private static boolean unauthorized(Throwable failure) {
        return failure instanceof VendorCallException vendor && vendor.status() == HttpStatus.UNAUTHORIZED.value();
    }
}
