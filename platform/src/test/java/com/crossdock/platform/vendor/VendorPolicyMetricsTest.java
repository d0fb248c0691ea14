package com.crossdock.platform.vendor;

import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.FakeVendor.Reply;
import com.crossdock.testkit.TestPolicies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

class VendorPolicyMetricsTest {

    private final FakeVendor vendor = new FakeVendor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WebClient client = WebClient.create(vendor.baseUrl());
    private final VendorPolicy policy = Policies.of(meters, TestPolicies.FAST).forVendor("acme");

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void recordsOutcomeLatencyAndRetriesPerOperation() {
        vendor.replies(Reply.of(503, "busy"), Reply.of(200, "done"), Reply.of(422, "invalid"));

        policy.exchange("putInventory", client.put().uri("/inventory").bodyValue("{}"), String.class).block(BLOCK);
        assertThatExceptionOfType(VendorCallException.class).isThrownBy(() ->
                policy.exchange("postDemand", client.post().uri("/demand").bodyValue("{}"), String.class).block(BLOCK));

        assertThat(meters.counter(VendorMetrics.CALLS, "vendor", "acme", "operation", "putInventory",
                "outcome", "success").count()).isEqualTo(1.0);
        assertThat(meters.counter(VendorMetrics.CALLS, "vendor", "acme", "operation", "postDemand",
                "outcome", "client_error").count()).isEqualTo(1.0);
        assertThat(meters.timer(VendorMetrics.CALL_DURATION, "vendor", "acme", "operation", "putInventory",
                "outcome", "success").count()).isEqualTo(1);
        assertThat(meters.counter(VendorMetrics.RETRIES, "vendor", "acme", "operation", "putInventory").count())
                .isEqualTo(1.0);
        assertThat(meters.find(VendorMetrics.RETRIES).tag("operation", "postDemand").counter()).isNull();
    }

    @Test
    void exposesResilience4jMetersTaggedWithVendor() {
        vendor.replies(Reply.of(503, "busy"), Reply.of(200, "done"));

        policy.exchange("getThing", client.get().uri("/thing"), String.class).block(BLOCK);

        assertThat(meters.get("resilience4j.retry.calls").tags("name", "acme", "kind", "successful_with_retry")
                .functionCounter().count()).isEqualTo(1.0);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", "acme", "state", "closed")
                .gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("resilience4j.circuitbreaker.calls").tags("name", "acme", "kind", "failed")
                .timer().count()).isEqualTo(1);
    }
}
