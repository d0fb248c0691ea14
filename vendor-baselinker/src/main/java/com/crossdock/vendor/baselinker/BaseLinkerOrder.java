package com.crossdock.vendor.baselinker;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One order of BaseLinker's {@code getOrders} answer, the fields Crossdock reads (VENDORS.md "BaseLinker": {@code
 * order_id, order_status_id, date_add, date_confirmed, currency, payment_method, delivery_method, delivery_price,
 * user_login, email, delivery_*, extra_field_1/2, user_comments, products[…]}).
 *
 * @param version a digest of the order as BaseLinker answered it: the same order read twice has the same version,
 *                a changed one another, so the event ids derive from the id and it
 */
public record BaseLinkerOrder(long orderId, long statusId, Instant dateAdd, Instant dateConfirmed, String currency,
        String paymentMethod, String deliveryMethod, BigDecimal deliveryPrice, String userLogin, String email,
        String deliveryFullname, String extraField1, String extraField2, String userComments, List<Product> products,
        String version) {

    public BaseLinkerOrder {
        products = List.copyOf(products);
    }

    /** One line: {@code products[{name, sku, ean, quantity, price_brutto, tax_rate, …}]}; the price is gross. */
    public record Product(String name, String sku, String ean, String productId, BigDecimal quantity,
            BigDecimal priceBrutto, BigDecimal taxRate) {
    }
}
