package com.crossdock.vendor.prodsmart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.Envelope;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.kafka.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The STOCK and PRODUCT items of the change feed and of the list endpoints (both carry an item's current state) to
 * canonical events. Shapes from prodsmart-api.pl.txt, "Kanały źródła danych zmian" (ZAPASY, PRODUKTY).
 */
public final class FeedItems {

    /** Prodsmart's marker of a removed product ("product_remove", PRODUKTY). */
    static final String PRODUCT_REMOVED = "product_remove";

    /** The envelope of one of an item's events; {@code part} tells them apart. */
    interface ItemEnvelopes {
        Envelope of(String sourceId, String part);
    }

    private FeedItems() {
    }

    /**
     * Stock: absolute levels. One LEVEL event for the product's total and one per lot; Prodsmart names no
     * location in the stock feed, so the location is empty (StockChanged: "empty when the source names none").
     */
    static List<CanonicalEvent> stock(JsonNode item, ItemEnvelopes envelopes) {
        String code = required(item, "product-code");
        String key = Topics.stockKey(code, "");
        List<CanonicalEvent> events = new ArrayList<>();
        events.add(new CanonicalEvent(Topics.STOCK_CHANGED, key,
                stockLevel(code, null, decimal(item.get("stock")), envelopes.of(code, "total"))));
        for (JsonNode lot : item.path("lot")) {
            String lotCode = required(lot, "code");
            events.add(new CanonicalEvent(Topics.STOCK_CHANGED, key,
                    stockLevel(code, lotCode, decimal(lot.get("stock")), envelopes.of(code, "lot:" + lotCode))));
        }
        return events;
    }

    private static StockChanged stockLevel(String code, String lot, BigDecimal quantity, Envelope envelope) {
        return StockChanged.newBuilder()
                .setEnvelope(envelope)
                .setKind(StockChangeKind.LEVEL)
                .setProductCode(code)
                .setLocation("")
                .setLot(lot)
                .setQuantity(quantity == null ? BigDecimal.ZERO.setScale(6) : quantity)
                .build();
    }

    /** A product; {@code notification: product_remove} states its deletion. */
    static CanonicalEvent product(JsonNode item, ItemEnvelopes envelopes) {
        String code = required(item, "code");
        Map<String, String> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "observations", text(item, "observations"));
        putIfPresent(attributes, "unitPrice", text(item, "unit-price"));
        List<String> families = new ArrayList<>();
        item.path("families").forEach(family -> families.add(family.path("code").asString()));
        putIfPresent(attributes, "families", families.isEmpty() ? null : String.join(",", families));
        ArticleUpserted event = ArticleUpserted.newBuilder()
                .setEnvelope(envelopes.of(code, "product"))
                .setCode(code)
                .setDescription(text(item, "name"))
                .setDeleted(PRODUCT_REMOVED.equals(text(item, "notification")))
                .setUnitCost(decimal(item.get("unit-cost")))
                .setAttributes(new LinkedHashMap<>(attributes))
                .build();
        return new CanonicalEvent(Topics.ARTICLE_UPSERTED, code, event);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The code of a PRODUCT item (the key of its stock: {@code GET /api/stock/{code}}); null when it has none. */
    public static String productCode(JsonNode product) {
        return text(product, "code");
    }

    /** A scalar field as text; null when absent, null, empty or not a scalar. */
    private static String text(JsonNode item, String field) {
        JsonNode value = item == null ? null : item.get(field);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    private static String required(JsonNode item, String field) {
        String value = text(item, field);
        if (value == null) {
            throw new InvalidPayloadException(field, "is required");
        }
        return value;
    }

    /** Quantities as decimals of scale 6 (the schemas' scale); Prodsmart sends numbers or numeric strings. */
    private static BigDecimal decimal(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString().trim());
        return number.setScale(6, RoundingMode.HALF_EVEN);
    }
}
