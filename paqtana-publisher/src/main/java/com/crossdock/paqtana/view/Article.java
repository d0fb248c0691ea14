package com.crossdock.paqtana.view;

import java.math.BigDecimal;

import com.crossdock.events.ArticleUpserted;

/** The master data of one article that Paqtana's master inventory carries. */
record Article(String code, String description, String materialType, String currency, BigDecimal unitCost,
               BigDecimal minimumOrderQuantity, BigDecimal multipleOrderQuantity, String unitOfMeasure,
               Integer supplyLeadTimeDays) {

    static Article of(ArticleUpserted event) {
        return new Article(event.getCode(), event.getDescription(), event.getMaterialType(), event.getCurrency(),
                event.getUnitCost(), event.getMinimumOrderQuantity(), event.getMultipleOrderQuantity(),
                event.getUnitOfMeasure(), event.getSupplyLeadTimeDays());
    }

    /** For items whose article has not arrived (yet): the row still carries the stock and orders. */
    static Article unknown(String code) {
        return new Article(code, null, null, null, null, null, null, null, null);
    }
}
