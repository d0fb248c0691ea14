package com.crossdock.platform.vendor;

import static com.crossdock.testkit.TestPolicies.fastWith;
import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.FakeVendor.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** After the vendor told one caller to wait, every caller of the credential waits: the kit's throttle gate. */
class ThrottleGateTest {

    private final FakeVendor vendor = new FakeVendor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WebClient client = WebClient.create(vendor.baseUrl());
    private final VendorPolicy policy = Policies.of(meters, fastWith("acme.retry.max-attempts=1"))
            .forVendor("acme");

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void holdsEveryCallOfTheCredentialUntilTheRetryAfterHasPassed() {
        vendor.replies(Reply.of(429, "slow down").withHeader("Retry-After", "1"));

        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> get(policy, "getOrders"))
                .satisfies(failure -> assertThat(failure.status()).isEqualTo(429));
        // another caller, another operation: it is held, not sent into the vendor's refusal
        assertThat(get(policy, "getStock")).isEqualTo("{\"ok\":true}");

        List<Long> arrivals = vendor.arrivalNanos();
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(meters.counter(VendorMetrics.THROTTLED, "vendor", "acme").count()).isEqualTo(1.0);
        assertThat(meters.timer(VendorMetrics.THROTTLE_WAITS, "vendor", "acme", "operation", "getStock").count())
                .isEqualTo(1);
    }

    @Test
    void holdsTheCallsWhenABodyNamesTheWait() {
        BodyFailureClassifier<String> blocked = body -> body.contains("blocked")
                ? Optional.of(BodyFailure.retryableAfter("token blocked", Duration.ofMillis(700))) : Optional.empty();
        vendor.replies(Reply.of(200, "\"blocked\""));

        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() ->
                policy.exchange("getOrders", client.get().uri("/thing"), String.class, blocked).block(BLOCK));
        get(policy, "getStock");

        List<Long> arrivals = vendor.arrivalNanos();
        assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void failsAtOnceAsTransientWhileTheVendorAsksForALongerWaitThanThePolicyHolds() {
        vendor.replies(Reply.of(429, "blocked for an hour").withHeader("Retry-After", "3600"));
        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> get(policy, "getOrders"));

        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> get(policy, "getStock"))
                .satisfies(failure -> {
                    assertThat(failure.outcome()).isEqualTo(VendorCallOutcome.REJECTED);
                    assertThat(failure.transientFailure()).isTrue();
                    assertThat(failure.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                            .isGreaterThan(Duration.ofMinutes(59)).isLessThanOrEqualTo(Duration.ofHours(1)));
                });
        assertThat(vendor.requests()).isEqualTo(1);
    }

    @Test
    void aRefusalThatNamesNoWaitHoldsNothing() {
        vendor.replies(Reply.of(503, "down"));
        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> get(policy, "getOrders"));

        get(policy, "getStock");

        assertThat(meters.find(VendorMetrics.THROTTLED).counter()).isNull();
        assertThat(meters.find(VendorMetrics.THROTTLE_WAITS).timer()).isNull();
    }

    private String get(VendorPolicy policy, String operation) {
        return policy.exchange(operation, client.get().uri("/thing"), String.class).block(BLOCK);
    }
}
