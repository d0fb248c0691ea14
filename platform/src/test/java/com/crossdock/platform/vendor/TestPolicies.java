package com.crossdock.platform.vendor;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Builds policies from the same keys as application.yml, with durations short enough for unit tests. */
public final class TestPolicies {

    /** Fast retries for vendor {@code acme}: three attempts, backoff of some ten milliseconds. */
    public static final String[] FAST = {
        "acme.timeout=2s", "acme.retry.max-attempts=3", "acme.retry.initial-interval=10ms", "acme.retry.max-interval=50ms",
        "acme.retry.jitter=0.2"
    };

    private TestPolicies() {
    }

    /** Binds {@code crossdock.vendors.<entry>} for each {@code key=value} entry. */
    public static VendorsProperties properties(String... entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            map.put("crossdock.vendors." + entry.substring(0, equals), entry.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(map))
                .bind("crossdock", VendorsProperties.class)
                .orElseGet(() -> new VendorsProperties(Map.of()));
    }

    public static VendorPolicies policies(MeterRegistry registry, String... entries) {
        return policies(registry, Clock.systemUTC(), entries);
    }

    public static VendorPolicies policies(MeterRegistry registry, Clock clock, String... entries) {
        return new VendorPolicies(properties(entries), registry, clock);
    }

    public static String[] fastWith(String... more) {
        String[] all = new String[FAST.length + more.length];
        System.arraycopy(FAST, 0, all, 0, FAST.length);
        System.arraycopy(more, 0, all, FAST.length, more.length);
        return all;
    }
}
