package com.crossdock.suppliers.quote;

import java.util.List;

import com.crossdock.vendor.suppliers.Availability;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One supplier's part of {@code GET /availability}.
 *
 * @param supplier  the supplier's name
 * @param status    how its part ended
 * @param detail    why, when not ok
 * @param articles  stock per branch of each article it knows (ranges kept as stated)
 * @param unknown   the articles it does not know
 * @param elapsedMs how long its part took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierStock(String supplier, SupplierStatus status, String detail, List<Availability> articles,
        List<String> unknown, long elapsedMs) {

    static SupplierStock failed(String supplier, SupplierStatus status, String detail, long elapsedMs) {
        return new SupplierStock(supplier, status, detail, null, null, elapsedMs);
    }
}
