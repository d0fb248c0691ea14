package com.crossdock.vendor.prodsmart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.Envelope;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.kafka.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The STOCK and PRODUCT items of the change feed and of the list endpoints (both carry an item's current state) to
 * canonical events. Shapes from prodsmart-api.pl.txt, "Kanały źródła danych zmian" (ZAPASY, PRODUKTY), "Pobieranie
 * zapasów produktu" and "Wyświetlanie listy produktów". Every quantity is read by {@link JsonField#decimal()}
 * (numbers or numeric text, rounded to 6 decimals and noted); fields the mapping does not use are not read.
 */
public final class FeedItems {

    /** Prodsmart's marker of a removed product ("product_remove", PRODUKTY). */
    static final String PRODUCT_REMOVED = "product_remove";

    /** The envelope of one of an item's events; {@code part} tells them apart. */
    interface ItemEnvelopes {
        Envelope of(String sourceId, String part);
    }

    /** An item's events and the fields whose quantity was rounded on the way. */
    record Mapped(List<CanonicalEvent> events, List<String> rounded) {
    }

    private FeedItems() {
    }

    /**
     * Stock: absolute levels, one LEVEL event for the product's total and one per lot. Prodsmart's stock names no
     * place, so every level is at the company's one stock-keeping {@code location} (crossdock.prodsmart.location),
     * the location of its movements and production orders too. {@code stock} is required ("stock (double,
     * wymagane)", ZAPASY PRODUKTU): a level without it is refused rather than read as 0, which would empty the row.
     */
    static Mapped stock(JsonNode node, ItemEnvelopes envelopes, String location) {
        JsonField item = JsonField.of(node);
        String code = item.requiredCode("product-code");
        String key = Topics.stockKey(code, location);
        List<CanonicalEvent> events = new ArrayList<>();
        events.add(new CanonicalEvent(Topics.STOCK_CHANGED, key, stockLevel(code, null,
                item.required("stock").decimal(), location, envelopes.of(code, "total"))));
        for (JsonField lot : item.optional("lot").map(JsonField::elements).orElse(List.of())) {
            String lotCode = lot.requiredCode("code");
            events.add(new CanonicalEvent(Topics.STOCK_CHANGED, key, stockLevel(code, lotCode,
                    lot.required("stock").decimal(), location, envelopes.of(code, "lot:" + lotCode))));
        }
        return new Mapped(List.copyOf(events), item.rounded());
    }

    private static StockChanged stockLevel(String code, String lot, BigDecimal quantity, String location,
            Envelope envelope) {
        return StockChanged.newBuilder()
                .setEnvelope(envelope)
                .setKind(StockChangeKind.LEVEL)
                .setProductCode(code)
                .setLocation(location)
                .setLot(lot)
                .setQuantity(quantity)
                .build();
    }

    /**
     * A product; {@code notification: product_remove} states its deletion. {@code min-quantity-reorder} and
     * {@code quantity-multiple} (PRODUKTY) are Paqtana's minimum and multiple order quantities; null (the
     * document's example) or absent is unknown.
     */
    static Mapped product(JsonNode node, ItemEnvelopes envelopes) {
        JsonField item = JsonField.of(node);
        String code = item.requiredCode("code");
        Map<String, String> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "observations", text(item, "observations"));
        putIfPresent(attributes, "unitPrice", text(item, "unit-price"));
        List<String> families = new ArrayList<>();
        for (JsonField family : item.optional("families").filter(JsonField::isArray).map(JsonField::elements)
                .orElse(List.of())) {
            Optional.ofNullable(family.code()).ifPresent(families::add);
        }
        putIfPresent(attributes, "families", families.isEmpty() ? null : String.join(",", families));
        ArticleUpserted event = ArticleUpserted.newBuilder()
                .setEnvelope(envelopes.of(code, "product"))
                .setCode(code)
                .setDescription(text(item, "name"))
                .setDeleted(PRODUCT_REMOVED.equals(text(item, "notification")))
                .setUnitCost(item.optionalDecimal("unit-cost"))
                .setMinimumOrderQuantity(item.optionalDecimal("min-quantity-reorder"))
                .setMultipleOrderQuantity(item.optionalDecimal("quantity-multiple"))
                .setAttributes(new LinkedHashMap<>(attributes))
                .build();
        return new Mapped(List.of(new CanonicalEvent(Topics.ARTICLE_UPSERTED, code, event)), item.rounded());
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The code of a PRODUCT item (the key of its stock: {@code GET /api/stock/{code}}); null when it has none. */
    public static String productCode(JsonNode product) {
        return product != null && product.isObject() ? text(JsonField.of(product), "code") : null;
    }

    /** A scalar field as text; null when absent, null, empty or not a scalar. */
    private static String text(JsonField item, String field) {
        String text = item.optional(field).map(JsonField::scalarText).orElse(null);
        return text == null || text.isEmpty() ? null : text;
    }

}
