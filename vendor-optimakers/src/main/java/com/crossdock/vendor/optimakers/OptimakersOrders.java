package com.crossdock.vendor.optimakers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crossdock.events.OrderFulfilled;
import com.crossdock.events.OrderLine;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Orders between Crossdock and Optimakers. Optimakers' REST paths and bodies are not public (VENDORS.md): the
 * body below is the shape this integration assumes, the paths are the client's settings. An order imported from
 * BaseLinker carries the external reference {@code baselinker:<order id>}: before creating an order, the bridge
 * looks it up by that reference, so an order created but not yet linked (a crash in between) is found, not created
 * again. An order is fulfilled when it reads {@code "realized": true} ("ustawienie w edycji zamówienia Zrealizowane:
 * Tak", optimakers-baselinker-integration.pl.txt, "W jaki sposób sprawdzić, czy integracja działa prawidłowo?").
 */
public final class OptimakersOrders {

    /** The prefix of the external reference of an order imported from BaseLinker. */
    public static final String BASELINKER_REFERENCE = "baselinker:";

    private final OptimakersProperties settings;
    private final Envelopes envelopes;

    public OptimakersOrders(OptimakersProperties settings, Envelopes envelopes) {
        this.settings = settings;
        this.envelopes = envelopes;
    }

    /** The external reference of the Optimakers order of BaseLinker order {@code orderId}. */
    public static String reference(String baseLinkerOrderId) {
        return BASELINKER_REFERENCE + baseLinkerOrderId;
    }

    /**
     * The Optimakers order to create for {@code order}: the configured status, currency and VAT rate ids, the
     * configured attributes. A currency or rate without an id throws {@link NotMappableException} naming each
     * missing setting.
     */
    public Map<String, Object> newOrder(OrderPlaced order) {
        List<String> missing = new ArrayList<>();
        Long currency = order.getCurrency() == null ? null : settings.currencies().get(order.getCurrency());
        if (currency == null) {
            missing.add("currency " + order.getCurrency() + " has no Optimakers id (crossdock.optimakers.currencies."
                    + order.getCurrency() + ")");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (OrderLine line : order.getLines()) {
            String rate = line.getTaxRate() == null ? "none" : rate(line.getTaxRate());
            Long vat = settings.vatRates().get(rate);
            if (vat == null) {
                String problem = "VAT rate " + rate + " has no Optimakers id (crossdock.optimakers.vat-rates." + rate + ")";
                if (!missing.contains(problem)) {
                    missing.add(problem);
                }
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sku", line.getSku());
            item.put("ean", line.getEan());
            item.put("name", line.getName());
            item.put("quantity", line.getQuantity().stripTrailingZeros().toPlainString());
            item.put("priceGross", line.getUnitPrice() == null ? null : line.getUnitPrice().stripTrailingZeros().toPlainString());
            item.put("vatRateId", vat);
            items.add(item);
        }
        if (!missing.isEmpty()) {
            throw new NotMappableException(order.getOrderId(), missing);
        }
        OptimakersProperties.Attributes ids = settings.attributes();
        List<Map<String, Object>> attributes = new ArrayList<>();
        attribute(attributes, ids.deliveryMethod(), order.getDeliveryMethod());
        attribute(attributes, ids.deliveryPrice(), order.getDeliveryPrice() == null ? null
                : order.getDeliveryPrice().stripTrailingZeros().toPlainString());
        attribute(attributes, ids.paymentMethod(), order.getPaymentMethod());
        attribute(attributes, ids.additionalField1(), order.getExtraField1());
        attribute(attributes, ids.additionalField2(), order.getExtraField2());
        attribute(attributes, ids.note(), order.getComments());
        List<Map<String, Object>> customerAttributes = new ArrayList<>();
        attribute(customerAttributes, ids.customerLogin(), order.getCustomerLogin());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalId", reference(order.getOrderId()));
        body.put("statusId", settings.orderStatus());
        body.put("currencyId", currency);
        body.put("customer", Map.of("name", String.valueOf(order.getCustomer()), "attributes", customerAttributes));
        body.put("items", items);
        body.put("attributes", attributes);
        return body;
    }

    /** A rate as the VAT settings key it: {@code 23.000000} is {@code 23}. */
    static String rate(BigDecimal taxRate) {
        return taxRate.stripTrailingZeros().toPlainString();
    }

    private static void attribute(List<Map<String, Object>> attributes, long id, String value) {
        if (id > 0 && value != null) {
            attributes.add(Map.of("attributeId", id, "value", value));
        }
    }

    /** The id of an Optimakers order answer ({@code {"id": …}}). */
    public static String id(JsonNode order) {
        JsonNode id = order.path("id");
        if (id.isMissingNode() || id.isNull()) {
            throw new InvalidOptimakersPayloadException("id", "is required");
        }
        return id.isString() ? id.stringValue() : id.toString();
    }

    /**
     * The fulfilment {@code order} states, learned from {@code webhook}: present only for a realized order imported
     * from BaseLinker. Its id derives from the Optimakers order id: an order is fulfilled once, however many updates
     * say so.
     */
    public Optional<CanonicalEvent> fulfilled(JsonNode order, OptimakersWebhook webhook) {
        String reference = order.path("externalId").asString("");
        if (!order.path("realized").asBoolean(false) || !reference.startsWith(BASELINKER_REFERENCE)) {
            return Optional.empty();
        }
        String optimakersId = id(order);
        String baseLinkerId = reference.substring(BASELINKER_REFERENCE.length());
        Instant at = webhook.createdAt();
        OrderFulfilled event = OrderFulfilled.newBuilder()
                .setEnvelope(envelopes.envelope(SourceSystem.OPTIMAKERS, optimakersId, at,
                        "optimakers-webhook-" + webhook.id(), "optimakers-fulfilled:" + optimakersId, null))
                .setOrderId(baseLinkerId)
                .setOrderSource(SourceSystem.BASELINKER)
                .setFulfillerOrderId(optimakersId)
                .setFulfilledAt(at)
                .build();
        return Optional.of(new CanonicalEvent(Topics.ORDER_FULFILLED, baseLinkerId, event));
    }
}
