package com.crossdock.vendor.prodsmart;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prodsmart company Crossdock reads ({@code crossdock.prodsmart.*}), bound once for every module that reads
 * Prodsmart: the ingress's webhooks and the poller's change feeds read its dates in one zone and stamp its events
 * with one tenant. (The poller's own settings share the prefix: {@code PollerProperties}.)
 *
 * @param company  the company's code: the tenant organisation of every Prodsmart event, part of the change feed's
 *                 event ids, and the name of the poller's lease; the same value in every module
 * @param timeZone the company's time zone as set in Prodsmart: a date Prodsmart writes without a zone is a time
 *                 in it (prodsmart-api.pl.txt, "Format daty"). Set it to the company's zone in Prodsmart (e.g.
 *                 {@code Europe/Lisbon}); the default, UTC, is right only for a company set to UTC
 */
@ConfigurationProperties("crossdock.prodsmart")
public record ProdsmartProperties(@DefaultValue("default") String company, @DefaultValue("UTC") ZoneId timeZone) {

    public ProdsmartProperties {
        if (company == null || company.isBlank()) {
            throw new IllegalArgumentException("crossdock.prodsmart.company must name the Prodsmart company "
                    + "(CROSSDOCK_PRODSMART_COMPANY)");
        }
        if (timeZone == null) {
            throw new IllegalArgumentException("crossdock.prodsmart.time-zone must be the company's zone in Prodsmart "
                    + "(CROSSDOCK_PRODSMART_TIME_ZONE, e.g. Europe/Lisbon)");
        }
    }

    /** How this company's dates are read. */
    public ProdsmartDates dates() {
        return new ProdsmartDates(timeZone);
    }
}
