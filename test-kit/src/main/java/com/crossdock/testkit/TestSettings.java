package com.crossdock.testkit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Binds {@code key=value} entries into any {@code @ConfigurationProperties} class the way Spring Boot binds
 * application.yml (relaxed names, durations such as {@code 10ms}, defaults from {@code @DefaultValue}), without
 * starting a context: a unit test builds its settings from the same keys the service reads.
 *
 * <pre>{@code
 * VendorsProperties vendors = TestSettings.bind(VendorsProperties.class, "crossdock",
 *         TestSettings.under("vendors", "acme.timeout=2s", "acme.retry.max-attempts=3"));
 * }</pre>
 */
public final class TestSettings {

    private TestSettings() {
    }

    /**
     * The class bound at {@code prefix} from {@code entries} (each {@code key=value}, the key relative to
     * {@code prefix}); with no entry for it, what the class's defaults make of nothing.
     */
    public static <T> T bind(Class<T> type, String prefix, String... entries) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a setting is key=value, not '" + entry + "'");
            }
            values.put(prefix + "." + entry.substring(0, equals), entry.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }

    /** The entries with {@code path.} before each key: {@code under("vendors", "acme.timeout=2s")} is {@code vendors.acme.timeout=2s}. */
    public static String[] under(String path, String... entries) {
        return Arrays.stream(entries).map(entry -> path + "." + entry).toArray(String[]::new);
    }

    /** All the given entries, in order: a preset followed by what one test changes (later keys win when bound). */
    public static String[] join(String[]... groups) {
        return Arrays.stream(groups).flatMap(Stream::of).toArray(String[]::new);
    }
}
