package com.crossdock.suppliers;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import com.crossdock.vendor.suppliers.busmarket.BusMarketPayloads;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BusMarket's keys live a year (VENDORS.md): the gauge {@code crossdock.supplier.key.days_left{supplier}} counts the
 * days until the key of {@code key-issued-on} ends (alert on it going under the warning), and the gateway logs a
 * warning at start once fewer than {@code key-warn-before} remain.
 */
final class KeyExpiry {

    static final String DAYS_LEFT = "crossdock.supplier.key.days_left";
    private static final Logger log = LoggerFactory.getLogger(KeyExpiry.class);

    private final String supplier;
    private final LocalDate issuedOn;
    private final Duration warnBefore;
    private final Clock clock;

    KeyExpiry(String supplier, LocalDate issuedOn, Duration warnBefore, Clock clock, MeterRegistry registry) {
        this.supplier = supplier;
        this.issuedOn = issuedOn;
        this.warnBefore = warnBefore;
        this.clock = clock;
        Gauge.builder(DAYS_LEFT, this, KeyExpiry::daysLeft).tag("supplier", supplier).baseUnit("days")
                .description("Days until the supplier's API key ends (BusMarket keys live a year)").register(registry);
        warnIfNear();
    }

    long daysLeft() {
        LocalDate end = issuedOn.plusDays(BusMarketPayloads.KEY_LIFE.toDays());
        return Duration.between(LocalDate.now(clock).atStartOfDay(), end.atStartOfDay()).toDays();
    }

    void warnIfNear() {
        long left = daysLeft();
        if (left <= warnBefore.toDays()) {
            log.warn("The API key of {} ends in {} days (issued {}): ask the supplier for a new one and set it", supplier,
                    left, issuedOn);
        }
    }
}
