package com.crossdock.poller;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.crossdock.platform.vendor.VendorPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Prodsmart's access token ("AUTORYZACJA"): created with {@code POST /api/authorization} and Basic
 * API_KEY:API_SECRET, valid 2 hours. Cached and shared by every call; renewed {@code renewBefore} the
 * end of its life, and at once when Prodsmart answers 401 to it. The key and secret live only in the
 * Basic header, which the vendor policy's redactor masks in any failure it reports.
 */
final class ProdsmartTokens {

    private record Token(String value, Instant renewAt) {
    }

    private record AuthorizationAnswer(String token) {
    }

    private final WebClient webClient;
    private final VendorPolicy policy;
    private final PollerProperties.Token settings;
    private final Clock clock;
    private final PollerMetrics metrics;
    private final String basic;
    private volatile Token current;
    private Mono<Token> inFlight;

    ProdsmartTokens(WebClient webClient, VendorPolicy policy, PollerProperties properties, Clock clock,
                    PollerMetrics metrics) {
        this.webClient = webClient;
        this.policy = policy;
        this.settings = properties.token();
        this.clock = clock;
        this.metrics = metrics;
        this.basic = "Basic " + Base64.getEncoder().encodeToString(
                (properties.apiKey() + ":" + properties.apiSecret()).getBytes(StandardCharsets.UTF_8));
    }

    /** A token not near the end of its life; concurrent callers share one request to Prodsmart. */
    synchronized Mono<String> token() {
        Token token = current;
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return Mono.just(token.value());
        }
        if (inFlight == null) {
            if (token != null) {
                metrics.tokenRenewed("expiry");
            }
            inFlight = fetch()
                    .doOnNext(fetched -> current = fetched)
                    .doFinally(signal -> fetched())
                    .cache();
        }
        return inFlight.map(Token::value);
    }

    /** Forgets {@code rejected} (Prodsmart answered 401 to it), unless a newer token replaced it already. */
    synchronized void invalidate(String rejected) {
        Token token = current;
        if (token != null && token.value().equals(rejected)) {
            metrics.tokenRenewed("unauthorized");
            current = null;
        }
    }

    private synchronized void fetched() {
        inFlight = null;
    }

    private Mono<Token> fetch() {
        return policy.exchange("createAuthorization", webClient.post().uri("/api/authorization")
                        .header(HttpHeaders.AUTHORIZATION, basic)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("scopes", java.util.List.of("productions_write"))),
                AuthorizationAnswer.class)
                .map(answer -> new Token(answer.token(), clock.instant().plus(settings.life()).minus(settings.renewBefore())));
    }
}
