package com.crossdock.platform.vendor;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The vendor policies of a service, one per vendor credential name, built once and shared: a rate
 * limit, bulkhead, breaker or throttle gate only works if every caller of that credential goes through
 * the same one.
 */
public class VendorPolicies {

    private final VendorsProperties properties;
    private final VendorPolicyFactory factory;
    private final ConcurrentMap<String, VendorPolicy> policies = new ConcurrentHashMap<>();

    public VendorPolicies(VendorsProperties properties, MeterRegistry meterRegistry) {
        this(properties, meterRegistry, Clock.systemUTC());
    }

    public VendorPolicies(VendorsProperties properties, MeterRegistry meterRegistry, Clock clock) {
        this.properties = properties;
        this.factory = new VendorPolicyFactory(meterRegistry, clock);
        // build the configured policies now: a bad setting fails the start, not the first call at night
        properties.names().forEach(this::forVendor);
    }

    /** The policy of {@code name}: its {@code crossdock.vendors.<name>} settings, or the defaults. */
    public VendorPolicy forVendor(String name) {
        return policies.computeIfAbsent(name, vendor -> factory.create(vendor, properties.forVendor(vendor)));
    }

    /** The settings the policies were built from. */
    public VendorsProperties properties() {
        return properties;
    }
}
