package com.crossdock.platform.vendor;

import static com.crossdock.testkit.TestPolicies.fastWith;
import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.FakeVendor.Reply;
import com.crossdock.testkit.TestPolicies;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

class VendorPolicyRetryTest {

    private final FakeVendor vendor = new FakeVendor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WebClient client = WebClient.create(vendor.baseUrl());

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void succeedsAfterTwoServiceUnavailableAnswers() {
        vendor.replies(Reply.of(503, "busy"), Reply.of(503, "busy"), Reply.of(200, "done"));

        String body = policy().exchange("getThing", client.get().uri("/thing"), String.class).block(BLOCK);

        assertThat(body).isEqualTo("done");
        assertThat(vendor.requests()).isEqualTo(3);
    }

    @Test
    void keepsAnswerHeadersWhenAskedForTheEntity() {
        vendor.replies(Reply.of(200, "[]").withHeader("X-Unknown-Skus", "AB-1,CD-2"));

        ResponseEntity<String> answer = policy().exchangeForEntity("getStock", client.get().uri("/stock"),
                String.class, BodyFailureClassifier.none()).block(BLOCK);

        assertThat(answer.getHeaders().getFirst("X-Unknown-Skus")).isEqualTo("AB-1,CD-2");
        assertThat(answer.getBody()).isEqualTo("[]");
    }

    @Test
    void failsAtOnceWithVendorAnswerOnBadRequest() {
        vendor.replies(Reply.of(400, "{\"error\":\"codigo requerido\"}").withHeader("X-Request-Id", "req-7")
                .withHeader("Set-Cookie", "session=abc"));

        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> policy().exchange("createArticle", client.post().uri("/Articulo")
                        .bodyValue("[]"), String.class).block(BLOCK))
                .satisfies(failure -> {
                    assertThat(failure.status()).isEqualTo(400);
                    assertThat(failure.responseBody()).isEqualTo("{\"error\":\"codigo requerido\"}");
                    assertThat(failure.transientFailure()).isFalse();
                    assertThat(failure.outcome()).isEqualTo(VendorCallOutcome.CLIENT_ERROR);
                    assertThat(failure.vendor()).isEqualTo("acme");
                    assertThat(failure.operation()).isEqualTo("createArticle");
                    assertThat(failure.headers()).containsEntry("X-Request-Id", "req-7")
                            .doesNotContainKey("Set-Cookie");
                });
        assertThat(vendor.requests()).isEqualTo(1);
    }

    @Test
    void waitsForRetryAfterBeforeRetryingTooManyRequests() {
        vendor.replies(Reply.of(429, "slow down").withHeader("Retry-After", "1"), Reply.of(200, "done"));

        String body = policy().exchange("getThing", client.get().uri("/thing"), String.class).block(BLOCK);

        assertThat(body).isEqualTo("done");
        List<Long> arrivals = vendor.arrivalNanos();
        assertThat(arrivals).hasSize(2);
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(meters.counter(VendorMetrics.RETRY_AFTER, "vendor", "acme", "operation", "getThing").count())
                .isEqualTo(1.0);
    }

    @Test
    void failsAsTransientWithTheWaitWhenRetryAfterExceedsTheLimit() {
        vendor.replies(Reply.of(429, "blocked").withHeader("Retry-After", "3600"));

        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> policy().exchange("getThing", client.get().uri("/thing"), String.class).block(BLOCK))
                .satisfies(failure -> {
                    assertThat(failure.transientFailure()).isTrue();
                    assertThat(failure.status()).isEqualTo(429);
                    assertThat(failure.retryAfter()).contains(Duration.ofHours(1));
                });
        assertThat(vendor.requests()).isEqualTo(1);
    }

    @Test
    void doesNotRetryBodyClassifiedAsPermanentFailure() {
        vendor.replies(Reply.of(200, "{\"success\":false,\"code\":400,\"errors\":[\"idmarca requerido\"],"
                + "\"message\":\"Error de validacion\"}"));

        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> policy().exchange("createArticle", client.post().uri("/Articulo").bodyValue("[]"),
                        SerpiEnvelope.class, SerpiEnvelope::failure).block(BLOCK))
                .satisfies(failure -> {
                    assertThat(failure.status()).isEqualTo(200);
                    assertThat(failure.transientFailure()).isFalse();
                    assertThat(failure.responseBody()).contains("Error de validacion", "idmarca requerido");
                });
        assertThat(vendor.requests()).isEqualTo(1);
    }

    @Test
    void retriesBlockedTokenAfterTheWaitTheBodyNames() {
        vendor.replies(Reply.of(200, "{\"status\":\"ERROR\",\"error_code\":\"ERROR_BLOCKED_TOKEN\"}"),
                Reply.of(200, "{\"status\":\"SUCCESS\"}"));
        BodyFailureClassifier<BaseLinkerAnswer> blockedToken = answer -> "ERROR".equals(answer.status())
                ? Optional.of(BodyFailure.retryableAfter(answer.errorCode(), Duration.ofMillis(300)))
                : Optional.empty();

        BaseLinkerAnswer answer = policy().exchange("getOrders", client.post().uri("/connector.php"),
                BaseLinkerAnswer.class, blockedToken).block(BLOCK);

        assertThat(answer.status()).isEqualTo("SUCCESS");
        List<Long> arrivals = vendor.arrivalNanos();
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void retriesRefusedConnectionThenFailsAsTransient() {
        FakeVendor gone = new FakeVendor();
        String closedUrl = gone.baseUrl();
        gone.close();

        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> policy().exchange("getThing", WebClient.create(closedUrl).get().uri("/thing"),
                        String.class).block(BLOCK))
                .satisfies(failure -> {
                    assertThat(failure.status()).isZero();
                    assertThat(failure.transientFailure()).isTrue();
                    assertThat(failure.outcome()).isEqualTo(VendorCallOutcome.TRANSIENT_ERROR);
                    assertThat(failure).hasCauseInstanceOf(WebClientRequestException.class);
                });
        assertThat(meters.counter(VendorMetrics.RETRIES, "vendor", "acme", "operation", "getThing").count())
                .isEqualTo(2.0);
    }

    @Test
    void retriesTimeoutThenFailsAsTimeout() {
        vendor.otherwise(Reply.of(200, "late").after(Duration.ofSeconds(2)));
        VendorPolicy policy = Policies.of(meters, fastWith("acme.timeout=150ms", "acme.retry.max-attempts=2"))
                .forVendor("acme");

        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> policy.exchange("getThing", client.get().uri("/thing"), String.class).block(BLOCK))
                .satisfies(failure -> {
                    assertThat(failure.outcome()).isEqualTo(VendorCallOutcome.TIMEOUT);
                    assertThat(failure.transientFailure()).isTrue();
                    assertThat(failure).hasCauseInstanceOf(TimeoutException.class);
                });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(vendor.requests()).isEqualTo(2));
    }

    @Test
    void aDestructiveCallIsNotRepeatedOnceItMayHaveBeenServed() {
        VendorPolicy destructive = policy().destructive();
        vendor.replies(Reply.of(503, "busy"), Reply.of(200, "[]"));

        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> destructive.exchange("getChanges", client.get().uri("/changes"), String.class)
                        .block(BLOCK))
                .satisfies(failure -> assertThat(failure.mayHaveBeenServed()).isTrue());
        assertThat(vendor.requests()).isEqualTo(1);
    }

    @Test
    void aDestructiveCallThatTimedOutMayHaveBeenServedAndIsNotRepeated() {
        VendorPolicy destructive = policy().destructive();
        vendor.replies(Reply.of(200, "[]").after(Duration.ofSeconds(3)), Reply.of(200, "[]"));
        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> destructive.exchange("getChanges", client.get().uri("/changes"), String.class)
                        .block(BLOCK))
                .satisfies(failure -> {
                    assertThat(failure.outcome()).isEqualTo(VendorCallOutcome.TIMEOUT);
                    assertThat(failure.mayHaveBeenServed()).isTrue();
                });
        assertThat(meters.find(VendorMetrics.RETRIES).counter()).isNull();
    }

    @Test
    void aDestructiveCallIsRepeatedWhenItProvablyNeverReachedTheVendor() {
        VendorPolicy destructive = policy().destructive();
        vendor.replies(Reply.of(429, "slow down"), Reply.of(200, "[]"));

        assertThat(destructive.exchange("getChanges", client.get().uri("/changes"), String.class).block(BLOCK))
                .isEqualTo("[]");
        assertThat(vendor.requests()).isEqualTo(2);

        // nothing listens there: refused before any request went out, retried up to the attempt limit
        WebClient nowhere = WebClient.create("http://127.0.0.1:1");
        assertThatExceptionOfType(VendorCallException.class)
                .isThrownBy(() -> destructive.exchange("getChanges", nowhere.get().uri("/changes"), String.class)
                        .block(BLOCK))
                .satisfies(failure -> assertThat(failure.mayHaveBeenServed()).isFalse());
        assertThat(meters.counter(VendorMetrics.RETRIES, "vendor", "acme", "operation", "getChanges").count())
                .isEqualTo(3.0);
    }

    private VendorPolicy policy() {
        return Policies.of(meters, TestPolicies.FAST).forVendor("acme");
    }

    /** SERPI's envelope (vendor-docs/serpi-articulos-api.es.txt): failures come with HTTP 200. */
    record SerpiEnvelope(boolean success, int code, List<String> errors, String message) {

        Optional<BodyFailure> failure() {
            return success ? Optional.empty() : Optional.of(BodyFailure.permanent(message + " " + errors));
        }
    }

    record BaseLinkerAnswer(String status, @JsonProperty("error_code") String errorCode) {
    }
}
