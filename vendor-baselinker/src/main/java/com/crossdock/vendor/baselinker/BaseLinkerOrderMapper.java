package com.crossdock.vendor.baselinker;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.crossdock.events.OrderKind;
import com.crossdock.events.OrderLine;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.TenantScope;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;

/**
 * BaseLinker's one canonical mapping: an order of {@code getOrders} to {@link OrderPlaced}, kind SALE (a customer's
 * order: demand), prices gross as BaseLinker states them ({@code price_brutto}), keyed and identified by the
 * BaseLinker order id. The event id derives from the order id and its {@linkplain BaseLinkerOrder#version version}:
 * an order read twice (a restart, a page read again) is one event id, an order changed at BaseLinker a new one.
 */
public final class BaseLinkerOrderMapper {

    private final Envelopes envelopes;
    private final String account;

    /** @param account the BaseLinker account: the tenant organisation of its events */
    public BaseLinkerOrderMapper(Envelopes envelopes, String account) {
        this.envelopes = envelopes;
        this.account = account;
    }

    /** The event id seed of {@code order}. */
    public static String idSeed(BaseLinkerOrder order) {
        return "baselinker-order:" + order.orderId() + ":" + order.version();
    }

    public CanonicalEvent map(BaseLinkerOrder order) {
        String id = Long.toString(order.orderId());
        Instant placed = order.dateAdd() != null ? order.dateAdd() : order.dateConfirmed();
        if (placed == null) {
            throw new InvalidOrderException("date_add", "is required (order " + id + ")");
        }
        Instant occurred = order.dateConfirmed() != null ? order.dateConfirmed() : placed;
        List<OrderLine> lines = order.products().stream().map(BaseLinkerOrderMapper::line).toList();
        OrderPlaced event = OrderPlaced.newBuilder()
                .setEnvelope(envelopes.envelope(SourceSystem.BASELINKER, id, occurred, "baselinker-order-" + id,
                        idSeed(order), new TenantScope(account, null)))
                .setOrderId(id)
                .setStatus(Long.toString(order.statusId()))
                .setPlacedAt(placed)
                .setCurrency(order.currency())
                .setCustomer(order.deliveryFullname() != null ? order.deliveryFullname() : order.email())
                .setLines(lines)
                .setKind(OrderKind.SALE)
                .setPricesIncludeTax(true)
                .setDeliveryMethod(order.deliveryMethod())
                .setDeliveryPrice(order.deliveryPrice())
                .setPaymentMethod(order.paymentMethod())
                .setExtraField1(order.extraField1())
                .setExtraField2(order.extraField2())
                .setCustomerLogin(order.userLogin())
                .setComments(order.userComments())
                .build();
        return new CanonicalEvent(Topics.ORDER_PLACED, id, event);
    }

    private static OrderLine line(BaseLinkerOrder.Product product) {
        // an article is known by its SKU; a line sold without one is known by its EAN, else BaseLinker's product id
        String sku = product.sku() != null ? product.sku() : product.ean() != null ? product.ean() : product.productId();
        if (sku == null) {
            throw new InvalidOrderException("products.sku", "a line needs a sku, ean or product_id: " + product.name());
        }
        BigDecimal price = product.priceBrutto();
        return OrderLine.newBuilder().setSku(sku).setName(product.name()).setQuantity(product.quantity())
                .setUnitPrice(price).setTaxRate(product.taxRate()).setEan(product.ean()).build();
    }
}
