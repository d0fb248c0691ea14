package com.crossdock.platform.poller;

import static com.crossdock.testkit.Timeouts.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.crossdock.platform.vendor.Policies;
import com.crossdock.platform.vendor.VendorMetrics;
import com.crossdock.platform.vendor.client.VendorClients;
import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.TestPolicies;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** The budget gauge counts what the vendor's one policy sends, feed and reconciliation alike, within the period. */
class PollerBudgetTest {

    private final FakeVendor vendor = new FakeVendor();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void countsEveryRequestOfTheVendorsClientInThePublishedPeriod() {
        VendorClients clients = new VendorClients(Policies.of(meters, clock, TestPolicies.fastWith(
                "acme.base-url=" + vendor.baseUrl(), "acme.shares.reconciliation.rate-limit-permits=10",
                "acme.shares.reconciliation.rate-limit-period=1s")), WebClient.builder(), JsonMapper.builder().build(),
                meters, clock);
        PollerBudget budget = new PollerBudget(clients, "acme", new PublishedLimit(10, Duration.ofMinutes(1)), meters,
                clock);
        // the first attempt is refused and retried: two requests for one call
        vendor.replies(FakeVendor.Reply.of(503, "busy"));

        budget.feed().exchange("getOrders", web -> web.get().uri("/orders"), String.class).block(BLOCK);
        budget.reconciliation().exchange("listArticles", web -> web.get().uri("/articles"), String.class).block(BLOCK);

        assertThat(budget.feed()).as("the vendor's one client: one token").isSameAs(clients.client("acme"));
        assertThat(vendor.received()).hasSize(3);
        assertThat(used()).isEqualTo(0.3);
        assertThat(meters.find(VendorMetrics.REQUESTS).tag("vendor", "acme").counters().stream()
                .mapToDouble(counter -> counter.count()).sum()).as("what the vendor client counts").isEqualTo(3.0);
        clock.add(Duration.ofSeconds(61));
        assertThat(used()).as("a period later").isZero();
    }

    private double used() {
        return meters.get(PollerMetrics.BUDGET_USED).tags("vendor", "acme").gauge().value();
    }
}
