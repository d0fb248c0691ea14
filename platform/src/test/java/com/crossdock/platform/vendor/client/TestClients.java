package com.crossdock.platform.vendor.client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.platform.vendor.Policies;
import com.crossdock.testkit.FakeVendor;
import com.crossdock.testkit.TestPolicies;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Vendor clients of {@code acme} on a {@link FakeVendor}, from the same keys as application.yml. */
final class TestClients {

    private TestClients() {
    }

    /** The kit with {@code acme}'s base URL on {@code vendor}, fast retries, and {@code entries} of {@code crossdock.vendors}. */
    static VendorClients clients(FakeVendor vendor, MeterRegistry meters, Clock clock, String... entries) {
        List<String> all = new ArrayList<>(List.of(TestPolicies.FAST));
        all.add("acme.base-url=" + vendor.baseUrl());
        all.addAll(List.of(entries));
        return new VendorClients(Policies.of(meters, clock, all.toArray(String[]::new)), WebClient.builder(),
                JsonMapper.builder().build(), meters, clock);
    }
}
