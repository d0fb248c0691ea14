package com.crossdock.vendor.suppliers;

import java.math.BigDecimal;

/**
 * One line of an order placed with a supplier.
 *
 * @param article   the article code in the supplier's format
 * @param quantity  how many
 * @param unitPrice the price the order expects, when known (from a quote); informative
 */
public record OrderLine(String article, BigDecimal quantity, BigDecimal unitPrice) {
}
