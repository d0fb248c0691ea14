package com.crossdock.suppliers.quote;

import java.math.BigDecimal;
import java.util.List;

import com.crossdock.vendor.suppliers.BranchStock;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One supplier's part of a quote.
 *
 * @param supplier     the supplier's name
 * @param status       how its part ended
 * @param detail       why, when not ok
 * @param price        its price of one unit, in its own currency
 * @param converted    the price in the base currency, only when a rate source is configured for that currency
 * @param availability its stock per branch (ranges kept as stated), when it has the operation and answered
 * @param unknown      articles it said it does not know (Inter Cars' header)
 * @param elapsedMs    how long its part took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Offer(String supplier, SupplierStatus status, String detail, Money price, Money converted,
        List<BranchStock> availability, List<String> unknown, long elapsedMs) {

    /** An amount in a currency; {@code rate}, for a converted amount, the rate used. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Money(BigDecimal amount, String currency, BigDecimal rate) {
    }

    static Offer failed(String supplier, SupplierStatus status, String detail, long elapsedMs) {
        return new Offer(supplier, status, detail, null, null, null, null, elapsedMs);
    }
}
