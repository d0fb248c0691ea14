package com.crossdock.vendor.suppliers;

import java.math.BigDecimal;

/**
 * A supplier's purchase price of one article now, in the currency the supplier states (Vesna: EUR only).
 *
 * @param article  the article code as asked
 * @param amount   the price of one unit
 * @param currency ISO 4217 code
 */
public record Price(String article, BigDecimal amount, String currency) {
}
