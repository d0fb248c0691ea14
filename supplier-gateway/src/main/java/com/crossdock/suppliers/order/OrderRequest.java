package com.crossdock.suppliers.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /orders}.
 *
 * @param supplier  the supplier to order from (its configured name)
 * @param lines     what to order
 * @param reference the workshop's own reference, passed to suppliers that take one
 * @param currency  the currency of the lines' prices, when given
 */
public record OrderRequest(String supplier, List<Line> lines, String reference, String currency) {

    /**
     * @param article   the article code in the supplier's format
     * @param quantity  how many (above 0)
     * @param unitPrice the price expected (from a quote), informative
     */
    public record Line(String article, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
