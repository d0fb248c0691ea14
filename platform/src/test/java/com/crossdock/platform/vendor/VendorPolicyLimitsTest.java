package com.crossdock.platform.vendor;

import static com.crossdock.testkit.TestPolicies.fastWith;
import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.FakeVendor.Reply;
import com.crossdock.testkit.TestPolicies;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class VendorPolicyLimitsTest {

    private final FakeVendor vendor = new FakeVendor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WebClient client = WebClient.create(vendor.baseUrl());

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void spreadsCallsOverRateLimitPeriodsInsteadOfFailingThem() {
        Duration period = Duration.ofMillis(250);
        long start = System.nanoTime();
        VendorPolicy policy = Policies.of(meters, fastWith("acme.rate-limit-permits=5",
                "acme.rate-limit-period=" + period.toMillis() + "ms", "acme.rate-limit-max-wait=10s"))
                .forVendor("acme");

        List<String> answers = concurrently(policy, 15);

        // 15 calls at 5 per period need three periods: the last starts two whole periods after the first
        assertThat(answers).hasSize(15);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(period.multipliedBy(2));
        assertThat(vendor.requests()).isEqualTo(15);
        assertThat(meters.timer(VendorMetrics.RATE_LIMIT_WAITS, "vendor", "acme", "operation", "getThing",
                "share", VendorMetrics.NO_SHARE).count())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void takesARateLimitPermitForEveryAttempt() {
        Duration period = Duration.ofMillis(400);
        vendor.replies(Reply.of(503, "busy"), Reply.of(200, "done"));
        long start = System.nanoTime();
        VendorPolicy policy = Policies.of(meters, fastWith("acme.rate-limit-permits=1",
                "acme.rate-limit-period=" + period.toMillis() + "ms")).forVendor("acme");

        assertThat(getThing(policy)).isEqualTo("done");

        // the first attempt spent the first period's only permit: the retry waits for the next period
        assertThat(Duration.ofNanos(vendor.arrivalNanos().get(1) - start)).isGreaterThanOrEqualTo(period);
    }

    @Test
    void sendsOneCallAtATimeWhenVendorForbidsConcurrency() {
        vendor.otherwise(Reply.of(200, "ok").after(Duration.ofMillis(100)));
        VendorPolicy serpi = Policies.of(meters, fastWith("acme.max-concurrent-calls=1")).forVendor("acme");

        List<String> answers = concurrently(serpi, 4);

        assertThat(answers).containsExactly("ok", "ok", "ok", "ok");
        assertThat(vendor.maxConcurrentRequests()).isEqualTo(1);
    }

    @Test
    void overlapsCallsWhenVendorAllowsConcurrency() {
        vendor.otherwise(Reply.of(200, "ok").after(Duration.ofMillis(300)));
        VendorPolicy policy = Policies.of(meters, TestPolicies.FAST).forVendor("acme");

        concurrently(policy, 4);

        assertThat(vendor.maxConcurrentRequests()).isGreaterThan(1);
    }

    @Test
    void opensBreakerAfterFailuresAndRejectsWithoutCallingVendor() {
        vendor.otherwise(Reply.of(503, "down"));
        VendorPolicy policy = Policies.of(meters, fastWith("acme.retry.max-attempts=1",
                "acme.circuit-breaker.sliding-window-size=4", "acme.circuit-breaker.minimum-number-of-calls=4",
                "acme.circuit-breaker.wait-in-open-state=1m")).forVendor("acme");
        for (int i = 0; i < 4; i++) {
            assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> getThing(policy))
                    .satisfies(failure -> assertThat(failure.status()).isEqualTo(503));
        }

        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> getThing(policy))
                .satisfies(failure -> {
                    assertThat(failure.outcome()).isEqualTo(VendorCallOutcome.REJECTED);
                    assertThat(failure.transientFailure()).isTrue();
                    assertThat(failure).hasCauseInstanceOf(CallNotPermittedException.class);
                });
        assertThat(vendor.requests()).isEqualTo(4);
    }

    @Test
    void keepsBreakerClosedOnClientErrors() {
        vendor.otherwise(Reply.of(404, "no such article"));
        VendorPolicy policy = Policies.of(meters, fastWith("acme.circuit-breaker.sliding-window-size=4",
                "acme.circuit-breaker.minimum-number-of-calls=4")).forVendor("acme");
        for (int i = 0; i < 5; i++) {
            assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> getThing(policy))
                    .satisfies(failure -> assertThat(failure.status()).isEqualTo(404));
        }

        assertThat(vendor.requests()).isEqualTo(5);
    }

    private String getThing(VendorPolicy policy) {
        return policy.exchange("getThing", client.get().uri("/thing"), String.class).block(BLOCK);
    }

    private List<String> concurrently(VendorPolicy policy, int calls) {
        return Flux.range(0, calls)
                .flatMap(i -> policy.exchange("getThing", client.get().uri("/thing"), String.class), calls)
                .collectList()
                .block(BLOCK);
    }
}
