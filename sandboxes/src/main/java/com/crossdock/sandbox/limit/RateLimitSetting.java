package com.crossdock.sandbox.limit;

import java.time.Duration;

/**
 * A limit in force: {@code limit} requests per {@code period}. Also the body of
 * {@code PUT /<prefix>/_sandbox/rate-limit} ({@code {"limit":1200,"period":"PT1M"}}).
 */
public record RateLimitSetting(int limit, Duration period) {

    /** Why this setting cannot be applied, or null when it can. */
    public String problem() {
        return limit < 1 || period == null || period.isZero() || period.isNegative()
                ? "limit >= 1 and a period (e.g. \"PT1M\") required" : null;
    }
}
