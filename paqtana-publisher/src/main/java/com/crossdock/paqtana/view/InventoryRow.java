package com.crossdock.paqtana.view;

import java.math.BigDecimal;

/**
 * One row of Paqtana's master inventory (field names as Paqtana's {@code master_inventory} payload has them;
 * VENDORS.md, client code). Null means unknown; quantities are never null.
 */
public record InventoryRow(String location, String code, String description, String materialType,
                           BigDecimal multipleOrderQuantity, String currency, BigDecimal unitCost,
                           BigDecimal minimumOrderQuantity, String unitOfMeasure, Integer supplyLeadTime,
                           BigDecimal onHandStock, BigDecimal transitStock, BigDecimal openDemandOrders,
                           String workspaceCode) {
}
