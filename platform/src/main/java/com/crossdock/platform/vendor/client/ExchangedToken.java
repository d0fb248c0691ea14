package com.crossdock.platform.vendor.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.crossdock.platform.config.Secret;
import com.crossdock.platform.vendor.AuthProperties;
import com.crossdock.platform.vendor.AuthProperties.ExchangeProperties;
import com.crossdock.platform.vendor.BodyFailure;
import com.crossdock.platform.vendor.BodyFailureClassifier;
import com.crossdock.platform.vendor.VendorCallException;
import com.crossdock.platform.vendor.VendorMetrics;
import com.crossdock.platform.vendor.VendorPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A token the vendor issues for the key and secret (Prodsmart's {@code POST /api/authorization} with Basic
 * API_KEY:API_SECRET; OAuth2's client-credentials grant), cached in a {@link TokenCache}. The exchange is a
 * call of the vendor's policy like any other: it takes a rate-limit permit (Prodsmart counts it in its 120 per
 * minute) and the key and secret, sent only in its Basic header, are masked in any failure it reports.
 */
final class ExchangedToken implements Credentials {

    /** The operation tag of the token requests. */
    static final String OPERATION = "tokenExchange";
    /** The operation tag of the reads of the account's existing token ({@code exchange.reuse-existing}). */
    static final String LOOKUP = "tokenLookup";
    /** The operation tag of the renewals with a refresh token ({@code exchange.refresh-path}). */
    static final String REFRESH = "tokenRefresh";

    private final TokenCache cache;
    private final AuthProperties.Placement placement;
    private final String parameter;
    /** The refresh token of the last answer, when the vendor issues one and {@code exchange.refresh-path} is set. */
    private volatile String refreshToken;

    /** {@code webClient} is the vendor's, without authentication: the exchange authenticates itself. */
    ExchangedToken(String vendor, AuthProperties auth, WebClient webClient, VendorPolicy policy, Clock clock,
            MeterRegistry registry) {
        AuthSettings settings = new AuthSettings(vendor, auth);
        ExchangeProperties exchange = auth.exchange();
        Secret key = settings.required(auth.key(), "key");
        Secret secret = settings.required(auth.secret(), "secret");
        String basic = FixedCredentials.basic(key, secret);
        boolean sendBasic = !Boolean.FALSE.equals(exchange.basic());
        settings.required(exchange.path(), "exchange.path");
        this.placement = exchange.placement();
        this.parameter = placement == AuthProperties.Placement.BEARER ? HttpHeaders.AUTHORIZATION
                : settings.required(auth.parameter(), "parameter");
        // a vendor that takes the credentials in the body (a login) names them there: {key} and {secret}
        String body = exchange.body().replace("{key}", key.reveal()).replace("{secret}", secret.reveal());
        Mono<TokenCache.Issued> login = policy.exchange(OPERATION, webClient.post().uri(exchange.path())
                                .headers(headers -> {
                                    if (sendBasic) {
                                        headers.set(HttpHeaders.AUTHORIZATION, basic);
                                    }
                                })
                                .contentType(exchange.contentType())
                                .bodyValue(body), Map.class, tokenIn(exchange))
                .map(answer -> issued(answer, exchange, clock));
        Mono<TokenCache.Issued> created = exchange.refreshPath() == null ? login
                : Mono.defer(() -> refreshToken == null ? login
                        : refreshed(policy, webClient, exchange, clock).onErrorResume(VendorCallException.class,
                                failure -> failure.transientFailure() ? Mono.error(failure) : login));
        this.cache = new TokenCache(replacing -> Boolean.TRUE.equals(exchange.reuseExisting())
                        ? existing(policy, webClient, basic, exchange, clock, replacing)
                                .switchIfEmpty(Mono.defer(() -> created))
                        : created,
                exchange.renewBefore(), clock,
                reason -> Counter.builder(VendorMetrics.TOKEN_RENEWALS)
                        .description("Exchanged tokens replaced before the end of their life, or after a 401")
                        .tags("vendor", vendor, "reason", reason).register(registry).increment());
    }

    /**
     * The account's existing token ({@code GET} on the exchange's path), unless it is {@code replacing}, the token
     * this client is done with; empty when the vendor has none (404) or answers that one.
     */
    private static Mono<TokenCache.Issued> existing(VendorPolicy policy, WebClient webClient, String basic,
            ExchangeProperties exchange, Clock clock, String replacing) {
        return policy.exchange(LOOKUP, webClient.get().uri(exchange.path()).header(HttpHeaders.AUTHORIZATION, basic),
                        Map.class)
                .filter(answer -> answer.get(exchange.tokenField()) != null
                        && !String.valueOf(answer.get(exchange.tokenField())).equals(replacing))
                .map(answer -> issuedFor(answer, exchange, clock))
                .onErrorResume(VendorCallException.class, failure -> failure.status() == HttpStatus.NOT_FOUND.value()
                        ? Mono.empty() : Mono.error(failure));
    }

    /** A new token for the held refresh token, which the vendor spends ({@code exchange.refresh-path}). */
    private Mono<TokenCache.Issued> refreshed(VendorPolicy policy, WebClient webClient, ExchangeProperties exchange,
            Clock clock) {
        String spent = refreshToken;
        refreshToken = null;
        return policy.exchange(REFRESH, webClient.post().uri(exchange.refreshPath())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(exchange.refreshBody().replace("{refresh_token}", spent)), Map.class,
                        tokenIn(exchange))
                .map(answer -> issued(answer, exchange, clock));
    }

    private static BodyFailureClassifier<Map> tokenIn(ExchangeProperties exchange) {
        return answer -> answer.get(exchange.tokenField()) == null ? Optional.of(BodyFailure.permanent(
                "the token answer has no '" + exchange.tokenField() + "'")) : Optional.empty();
    }

    @Override
    public Mono<String> current() {
        return cache.token();
    }

    @Override
    public ClientRequest authenticate(ClientRequest request, String token) {
        if (token == null || token.equals(STATIC)) {
            throw new IllegalStateException("a request of a token-exchange vendor must be sent by its VendorClient");
        }
        return switch (placement) {
            case BEARER -> Placements.header(request, HttpHeaders.AUTHORIZATION, "Bearer " + token);
            case HEADER -> Placements.header(request, parameter, token);
            case QUERY -> Placements.query(request, parameter, token);
        };
    }

    @Override
    public boolean rejected(String token) {
        cache.invalidate(token);
        return true;
    }

    private TokenCache.Issued issued(Map<?, ?> answer, ExchangeProperties exchange, Clock clock) {
        if (exchange.refreshPath() != null && answer.get(exchange.refreshTokenField()) != null) {
            refreshToken = String.valueOf(answer.get(exchange.refreshTokenField()));
        }
        return issuedFor(answer, exchange, clock);
    }

    private static TokenCache.Issued issuedFor(Map<?, ?> answer, ExchangeProperties exchange, Clock clock) {
        Object expiresIn = exchange.expiresInField() == null ? null : answer.get(exchange.expiresInField());
        Duration life = expiresIn instanceof Number seconds ? Duration.ofSeconds(seconds.longValue())
                : expiresIn instanceof String digits && digits.matches("\\d{1,9}") ? Duration.ofSeconds(Long.parseLong(digits))
                : exchange.life();
        return new TokenCache.Issued(String.valueOf(answer.get(exchange.tokenField())), clock.instant().plus(life));
    }
}
