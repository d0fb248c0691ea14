package com.crossdock.vendor.suppliers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The four things a workshop does with a supplier over its API (carbook-supplier-apis.uk.txt, "По API в
 * my.carbook.pro можна виконати 4 дії"): the current purchase price, availability per branch, placing an order, and
 * the list of the supplier's invoices that become incoming-goods documents. Not every supplier has all four (Elit has
 * no invoices).
 */
public enum Operation {
    /** 1. "актуальну закупну ціну": the purchase price of an article now. */
    PRICE,
    /** 2. "актуальну наявність на філіях": stock per branch. */
    AVAILABILITY,
    /** 3. "Замовити ... деталі": an order the supplier sees in its own cabinet. */
    ORDER,
    /** 4. "список видаткових накладних": the supplier's invoices to the workshop. */
    INVOICES;

    /** The name used in settings, answers and errors: {@code price}, {@code availability}, {@code order}, {@code invoices}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Operation> of(String id) {
        return Arrays.stream(values()).filter(operation -> operation.id().equalsIgnoreCase(id)).findFirst();
    }
}
