package com.crossdock.vendor.suppliers;

import java.util.List;

/**
 * An article's stock per branch at one supplier.
 *
 * @param article  the article code as asked
 * @param branches one entry per branch the supplier lists
 */
public record Availability(String article, List<BranchStock> branches) {

    public Availability {
        branches = List.copyOf(branches);
    }
}
