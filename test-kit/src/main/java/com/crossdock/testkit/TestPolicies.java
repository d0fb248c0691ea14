package com.crossdock.testkit;

/**
 * Vendor settings for tests, in the keys of {@code crossdock.vendors.<name>.*} (docs/vendor-clients.md): presets
 * with durations short enough for unit tests, and their binding into the platform's {@code VendorsProperties}
 * (named by the caller: this module does not depend on platform, so that platform's own tests can use it).
 *
 * <pre>{@code
 * VendorsProperties vendors = TestPolicies.properties(VendorsProperties.class,
 *         TestPolicies.fastWith("acme.rate-limit-permits=5"));
 * VendorPolicies policies = new VendorPolicies(vendors, meters, clock);
 * }</pre>
 */
public final class TestPolicies {

    /** Fast retries for vendor {@code acme}: three attempts, backoff of some ten milliseconds. */
    public static final String[] FAST = fast("acme");

    private TestPolicies() {
    }

    /** Fast retries for {@code vendor}: a 2 s timeout, three attempts, backoff from 10 ms to 50 ms with jitter. */
    public static String[] fast(String vendor) {
        return new String[] {
            vendor + ".timeout=2s", vendor + ".retry.max-attempts=3", vendor + ".retry.initial-interval=10ms",
            vendor + ".retry.max-interval=50ms", vendor + ".retry.jitter=0.2"
        };
    }

    /** {@link #FAST} followed by {@code more} (which win where they name the same key). */
    public static String[] fastWith(String... more) {
        return TestSettings.join(FAST, more);
    }

    /** Binds each {@code <name>.<key>=value} entry as {@code crossdock.vendors.<name>.<key>} into {@code type} (bound at {@code crossdock}). */
    public static <T> T properties(Class<T> type, String... entries) {
        return TestSettings.bind(type, "crossdock", TestSettings.under("vendors", entries));
    }
}
