package com.crossdock.suppliers.quote;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer of {@code GET /quotes}: every enabled supplier's part, best offer first (the lowest price comparable in the
 * base currency; then offers in a currency without a rate; then the suppliers that did not answer, then those without
 * the operation).
 *
 * @param article      the article asked for
 * @param quantity     how many
 * @param baseCurrency the currency offers are ranked in
 * @param deadlineMs   the deadline the answer was held to
 * @param elapsedMs    how long the answer took
 * @param offers       one per enabled supplier
 */
public record Quote(String article, BigDecimal quantity, String baseCurrency, long deadlineMs, long elapsedMs,
        List<Offer> offers) {
}
