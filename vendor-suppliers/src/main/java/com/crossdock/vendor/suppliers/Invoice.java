package com.crossdock.vendor.suppliers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A supplier's invoice to the workshop ("видаткова накладна"), which becomes an incoming-goods document.
 *
 * @param invoiceId the supplier's id of the invoice (its identity: an invoice is published once per id)
 * @param number    the number printed on it, where the supplier gives one
 * @param issuedAt  its date
 * @param currency  ISO 4217 code of its prices
 * @param total     its total, where the supplier gives one
 * @param orderId   the supplier's id of the order it ships, where it names one
 * @param lines     what it ships
 */
public record Invoice(String invoiceId, String number, Instant issuedAt, String currency, BigDecimal total,
        String orderId, List<Line> lines) {

    public Invoice {
        lines = List.copyOf(lines);
    }

    /**
     * @param sku       the article code as the supplier writes it
     * @param name      its description
     * @param quantity  how many were shipped
     * @param unitPrice the price of one, where given
     */
    public record Line(String sku, String name, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
