package com.crossdock.vendor.suppliers;

/**
 * What one branch of a supplier has of an article ("наявність на філіях").
 *
 * @param branch   the supplier's name of the branch or warehouse
 * @param quantity what it has, as stated (a range where the supplier will not say exactly)
 */
public record BranchStock(String branch, QuantityRange quantity) {
}
