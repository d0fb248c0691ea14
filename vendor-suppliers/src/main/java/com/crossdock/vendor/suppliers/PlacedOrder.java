package com.crossdock.vendor.suppliers;

import java.time.Instant;

/**
 * The supplier's answer to an order: its own id of the order, which the workshop then sees in the supplier's cabinet.
 *
 * @param orderId  the supplier's order id
 * @param placedAt when the supplier says it took the order (or when it answered, if it does not say)
 */
public record PlacedOrder(String orderId, Instant placedAt) {
}
