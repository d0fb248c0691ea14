package com.crossdock.vendor.prodsmart;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prodsmart company Crossdock reads ({@code crossdock.prodsmart.*}), bound once for every module that reads
 * Prodsmart: the ingress's webhooks and the poller's change feeds read its dates in one zone, stamp its events
 * with one tenant and put its stock at one location. (The poller's own settings share the prefix:
 * {@code PollerProperties}.)
 *
 * @param company  the company's code: the tenant organisation of every Prodsmart event, part of the change feed's
 *                 event ids, and the name of the poller's lease; the same value in every module
 * @param timeZone the company's time zone as set in Prodsmart: a date Prodsmart writes without a zone is a time
 *                 in it (prodsmart-api.pl.txt, "Format daty"). Set it to the company's zone in Prodsmart (e.g.
 *                 {@code Europe/Lisbon}); the default, UTC, is right only for a company set to UTC
 * @param location the stock-keeping location of the company's stock: the {@code location} of every
 *                 StockChanged and ProductionOrderChanged read from Prodsmart (webhook movements, feed and
 *                 reconciliation levels, production orders alike). Prodsmart's stock totals name no place (the
 *                 STOCK feed, {@code GET /api/stock/{code}}), so all of the company's stock is one location; its
 *                 bins ({@code warehouse-location}) and warehouses become the events' {@code bin} and
 *                 {@code warehouse}, an order's own Prodsmart location its {@code site}, details that never split
 *                 a stock row. Empty (the default) is the consumer's default location (the Paqtana publisher's
 *                 {@code default-location}); the same value in every module
 */
@ConfigurationProperties("crossdock.prodsmart")
public record ProdsmartProperties(@DefaultValue("default") String company, @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("") String location) {

    @ConstructorBinding
    public ProdsmartProperties {
        if (company == null || company.isBlank()) {
            throw new IllegalArgumentException("crossdock.prodsmart.company must name the Prodsmart company "
                    + "(CROSSDOCK_PRODSMART_COMPANY)");
        }
        if (timeZone == null) {
            throw new IllegalArgumentException("crossdock.prodsmart.time-zone must be the company's zone in Prodsmart "
                    + "(CROSSDOCK_PRODSMART_TIME_ZONE, e.g. Europe/Lisbon)");
        }
        location = location == null ? "" : location.trim();
    }

    /** The company at the consumer's default location. */
    public ProdsmartProperties(String company, ZoneId timeZone) {
        this(company, timeZone, "");
    }

    /** How this company's dates are read. */
    public ProdsmartDates dates() {
        return new ProdsmartDates(timeZone);
    }
}
