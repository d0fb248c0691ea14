package com.crossdock.platform.poller;

import java.time.Duration;

/**
 * The request limit a vendor publishes for one account (Prodsmart: 120 per minute per company): the denominator
 * of the budget gauge, not a limiter. The pacing itself is the vendor client's policy
 * ({@code crossdock.vendors.<vendor>.rate-limit-*}).
 *
 * @param requests requests allowed per {@code period}
 * @param period   the period of that limit
 */
public record PublishedLimit(int requests, Duration period) {

    public PublishedLimit {
        if (requests < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a published limit needs requests >= 1 per a positive period, not "
                    + requests + " per " + period);
        }
    }
}
