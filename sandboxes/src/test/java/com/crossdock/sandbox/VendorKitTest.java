package com.crossdock.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.crossdock.sandbox.auth.AuthFilter;
import com.crossdock.sandbox.auth.AuthGates;
import com.crossdock.sandbox.auth.TokenIssuer;
import com.crossdock.sandbox.auth.VendorAuth;
import com.crossdock.sandbox.limit.RateLimitFilter;
import com.crossdock.sandbox.limit.RateLimitRule;
import com.crossdock.sandbox.limit.SlidingWindowLimit;
import com.crossdock.sandbox.limit.ThrottleAnswer;
import com.crossdock.sandbox.received.ReceivedLog;
import com.crossdock.sandbox.received.ReceivedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Mono;

/**
 * A vendor written only from kit parts, the way the next sandboxes will be: SERPI's header pair (401 bad
 * token, 403 key and token that do not belong together) answered in a {@code success:false} envelope, and a
 * per-token limit answered BaseLinker's way (HTTP 200, {@code ERROR_BLOCKED_TOKEN}); the kit serves its state,
 * reset, rate limit and token expiry. The window runs on the test's clock.
 */
class VendorKitTest {

    private static final String PREFIX = "acme";

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger resets = new AtomicInteger();
    private final ReceivedLog receivedLog = new ReceivedLog(new SandboxProperties(10));
    private final TokenIssuer tokens = new TokenIssuer(PREFIX, clock, Duration.ofHours(1));
    private final RateLimitRule limit = new RateLimitRule(PREFIX, path -> path.startsWith("/api/"),
            RateLimitRule.header("Authorization"), new SlidingWindowLimit(clock, 2, Duration.ofMinutes(1)),
            ThrottleAnswer.okWithBody(throttled -> Map.of("status", "ERROR", "error_code", "ERROR_BLOCKED_TOKEN",
                    "error_message", "Query limit exceeded, token blocked until " + throttled.freeAt())));
    private final VendorAuth auth = VendorAuth.of(PREFIX, VendorKitTest::envelope)
            .on(path -> path.startsWith("/api/"), AuthGates.headerPair("secretkey", Map.of("token-a", "key-a", "token-b", "key-b")))
            .everywhere(AuthGates.bearer(tokens));
    private final VendorSandbox sandbox = new VendorSandbox() {
        @Override
        public String prefix() {
            return PREFIX;
        }

        @Override
        public Map<String, Object> state() {
            Map<String, Object> state = new LinkedHashMap<>(Map.of("resets", resets.get()));
            state.putAll(limit.window().state());
            return state;
        }

        @Override
        public void reset() {
            resets.incrementAndGet();
            limit.window().reset();
        }
    };

    private final WebTestClient client = WebTestClient.bindToRouterFunction(
                    RouterFunctions.route()
                            .GET("/acme/api/items", request -> ServerResponse.ok().bodyValue(Map.of("success", true)))
                            .GET("/acme/oauth/whoami", request -> ServerResponse.ok().bodyValue(Map.of("me", "acme")))
                            .build()
                            .and(VendorSandboxRoutes.routes(List.of(sandbox), List.of(limit), List.of(tokens), receivedLog)))
            .webFilter(new RateLimitFilter(List.of(limit)), new AuthFilter(List.of(auth)))
            .build();

    @Test
    void refusesABadTokenWith401AndAForeignKeyWith403InTheVendorsShape() {
        items("key-a", "nope").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.success").isEqualTo(false).jsonPath("$.code").isEqualTo(401)
                .jsonPath("$.message").isEqualTo("invalid or revoked token");
        items("key-b", "token-a").expectStatus().isForbidden()
                .expectBody().jsonPath("$.message").isEqualTo("secretkey does not belong to this token");
        items("key-a", "token-a").expectStatus().isOk().expectBody().jsonPath("$.success").isEqualTo(true);
    }

    @Test
    void guardsEachGroupOfPathsWithItsOwnGate() {
        client.get().uri("/acme/oauth/whoami").exchange().expectStatus().isUnauthorized();

        String token = tokens.issue();
        client.get().uri("/acme/oauth/whoami").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();

        client.post().uri("/acme/_sandbox/tokens/expire").exchange().expectStatus().isNoContent();
        client.get().uri("/acme/oauth/whoami").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void answersPastTheLimitPerTokenTheVendorsWayUntilTheWindowSlides() {
        items("key-a", "token-a").expectStatus().isOk();
        items("key-a", "token-a").expectStatus().isOk();

        items("key-a", "token-a").expectStatus().isOk().expectBody()
                .jsonPath("$.error_code").isEqualTo("ERROR_BLOCKED_TOKEN")
                .jsonPath("$.error_message").isEqualTo("Query limit exceeded, token blocked until 2026-12-01T08:01:00Z");
        items("key-b", "token-b").expectBody().jsonPath("$.success").isEqualTo(true);

        clock.add(Duration.ofMinutes(1));
        items("key-a", "token-a").expectBody().jsonPath("$.success").isEqualTo(true);
    }

    @Test
    void servesStateRateLimitAndResetForTheVendorWithoutCredentials() {
        client.put().uri("/acme/_sandbox/rate-limit").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"limit\":3,\"period\":\"PT1M\"}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.limit").isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            items("key-a", "token-a").expectBody().jsonPath("$.success").isEqualTo(true);
        }
        receivedLog.record(new ReceivedRequest("GET", "/acme/api/items", null, 200, 0, Instant.EPOCH, 1, false, null));

        client.get().uri("/acme/_sandbox/state").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.requestsAdmitted").isEqualTo(3)
                .jsonPath("$.peakRequestsInWindow").isEqualTo(3)
                .jsonPath("$.rateLimit.limit").isEqualTo(3);

        client.delete().uri("/acme/_sandbox").exchange().expectStatus().isNoContent();

        assertThat(resets).hasValue(1);
        assertThat(receivedLog.under(PREFIX)).isEmpty();
        client.get().uri("/acme/_sandbox/state").exchange().expectBody()
                .jsonPath("$.requestsAdmitted").isEqualTo(0).jsonPath("$.rateLimit.limit").isEqualTo(2);
    }

    @Test
    void refusesARateLimitThatCouldNotBeApplied() {
        client.put().uri("/acme/_sandbox/rate-limit").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"limit\":0,\"period\":\"PT1M\"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(limit.window().setting().limit()).isEqualTo(2);
    }

    private WebTestClient.ResponseSpec items(String key, String token) {
        return client.get().uri("/acme/api/items").header("secretkey", key).headers(h -> h.setBearerAuth(token)).exchange();
    }

    /** SERPI's envelope: {@code {success, code, errors, message, result}}. */
    private static Mono<Void> envelope(ServerWebExchange exchange, VendorError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("code", error.status().value());
        body.put("errors", List.of(error.message()));
        body.put("message", error.message());
        body.put("result", null);
        return JsonAnswer.write(exchange, error.status(), body);
    }
}
