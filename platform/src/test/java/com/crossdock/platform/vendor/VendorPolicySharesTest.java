package com.crossdock.platform.vendor;

import static com.crossdock.testkit.TestPolicies.fastWith;
import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.TestPolicies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** A budget share (reconciliation's) is a named policy whose calls spend the share and the vendor's budget. */
class VendorPolicySharesTest {

    private final FakeVendor vendor = new FakeVendor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WebClient client = WebClient.create(vendor.baseUrl());

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void aShareCallTakesAPermitOfTheShareAndOfTheVendorAndTheRestStaysWithTheVendor() {
        VendorPolicy acme = Policies.of(meters, fastWith("acme.rate-limit-permits=10",
                "acme.rate-limit-period=1h", "acme.shares.bulk.rate-limit-permits=2",
                "acme.shares.bulk.rate-limit-period=1h", "acme.shares.bulk.rate-limit-max-wait=50ms")).forVendor("acme");
        VendorPolicy bulk = acme.share("bulk");

        get(bulk);
        get(bulk);
        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() -> get(bulk))
                .satisfies(failure -> assertThat(failure.outcome()).isEqualTo(VendorCallOutcome.REJECTED));
        get(acme);

        assertThat(vendor.requests()).isEqualTo(3);
        assertThat(permits("acme.bulk")).as("the share is spent").isZero();
        assertThat(permits("acme")).as("two share calls and one of the vendor's own").isEqualTo(7.0);
        assertThat(acme.share("bulk")).as("asked again, the same policy").isSameAs(bulk);
    }

    @Test
    void reportsTheWaitsOfAShareTaggedWithTheShare() {
        VendorPolicy bulk = Policies.of(meters, fastWith("acme.shares.bulk.rate-limit-permits=1",
                "acme.shares.bulk.rate-limit-period=300ms")).forVendor("acme").share("bulk");

        get(bulk);
        get(bulk);

        assertThat(meters.timer(VendorMetrics.RATE_LIMIT_WAITS, "vendor", "acme", "operation", "getThing",
                "share", "bulk").count()).isEqualTo(1);
        assertThat(meters.find(VendorMetrics.RATE_LIMIT_WAITS).tag("share", VendorMetrics.NO_SHARE).timer()).isNull();
        assertThat(meters.get("resilience4j.ratelimiter.available.permissions").tag("name", "acme.bulk").gauge())
                .isNotNull();
    }

    @Test
    void refusesAShareThatIsNotConfigured() {
        VendorPolicy acme = Policies.of(meters, TestPolicies.FAST).forVendor("acme");

        assertThatThrownBy(() -> acme.share("reconciliation")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crossdock.vendors.acme.shares");
        assertThatThrownBy(() -> Policies.of(meters, "acme.shares.bulk.rate-limit-period=1s"))
                .hasMessageContaining("crossdock.vendors.acme.shares.bulk.rate-limit-permits");
    }

    private double permits(String limiter) {
        return meters.get("resilience4j.ratelimiter.available.permissions").tag("name", limiter).gauge().value();
    }

    private void get(VendorPolicy policy) {
        policy.exchange("getThing", client.get().uri("/thing"), String.class).block(BLOCK);
    }
}
