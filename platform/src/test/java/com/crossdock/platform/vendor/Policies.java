package com.crossdock.platform.vendor;

import java.time.Clock;

import com.crossdock.testkit.TestPolicies;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Platform's own {@link VendorPolicies} from {@code crossdock.vendors} entries, for its tests: the test kit's
 * {@link TestPolicies} binds the entries (it cannot build the policies: a module that named platform's types
 * would depend on platform, and platform's tests could not use it).
 */
public final class Policies {

    private Policies() {
    }

    /** Binds {@code crossdock.vendors.<entry>} for each {@code key=value} entry. */
    public static VendorsProperties properties(String... entries) {
        return TestPolicies.properties(VendorsProperties.class, entries);
    }

    public static VendorPolicies of(MeterRegistry registry, String... entries) {
        return of(registry, Clock.systemUTC(), entries);
    }

    public static VendorPolicies of(MeterRegistry registry, Clock clock, String... entries) {
        return new VendorPolicies(properties(entries), registry, clock);
    }
}
