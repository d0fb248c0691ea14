package com.crossdock.vendor.baselinker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The BaseLinker account Crossdock reads and writes ({@code crossdock.baselinker.*}); its address, token and call
 * pacing are the vendor client {@code crossdock.vendors.baselinker.*}. The statuses are the integration's own
 * parameters (optimakers-baselinker-integration.pl.txt: "Id statusu zamówienia z baselinkera, które mają być
 * przesłane do systemu Optimakers", "… który ma być ustawiony podczas aktualizacji zamówienia w Optimakers"); their
 * ids are in the link that edits the status at BaseLinker ("Zamówienia => Statusy zamówień").
 *
 * @param account              the account's name: the tenant organisation of its events and the name of the
 *                             poller's lease
 * @param orderStatusToImport  {@code baselinkerOrderStatusToImport}: orders in this status are imported
 * @param orderStatusToSend    {@code baselinkerOrderStatusToSend}: the status an order is set to once Optimakers
 *                             has fulfilled it
 * @param rateLimit            BaseLinker's published limit per {@code ratePeriod} (100/min per token), for the
 *                             budget gauge; the pacing is {@code crossdock.vendors.baselinker.rate-limit-*}
 * @param ratePeriod           the period of that limit
 */
@ConfigurationProperties("crossdock.baselinker")
public record BaseLinkerProperties(@DefaultValue("default") String account, long orderStatusToImport,
        long orderStatusToSend, @DefaultValue("100") int rateLimit,
        @DefaultValue("1m") java.time.Duration ratePeriod) {

    public BaseLinkerProperties {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("crossdock.baselinker.account must name the account (CROSSDOCK_BASELINKER_ACCOUNT)");
        }
        if (orderStatusToImport <= 0 || orderStatusToSend <= 0) {
            throw new IllegalArgumentException("crossdock.baselinker.order-status-to-import and .order-status-to-send "
                    + "must be BaseLinker status ids (CROSSDOCK_BASELINKER_ORDER_STATUS_TO_IMPORT, "
                    + "CROSSDOCK_BASELINKER_ORDER_STATUS_TO_SEND), not " + orderStatusToImport + " and " + orderStatusToSend);
        }
    }
}
