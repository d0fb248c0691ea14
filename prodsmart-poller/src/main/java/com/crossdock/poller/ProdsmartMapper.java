package com.crossdock.poller;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.ChangeAction;
import com.crossdock.events.Envelope;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.ProductionOrderLine;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.events.TenantScope;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Prodsmart items (change feed and list endpoints alike: both carry an item's current state) to canonical
 * events. Pure: no I/O. Shapes from prodsmart-api.pl.txt, "Kanały źródła danych zmian".
 */
final class ProdsmartMapper {

    /** Prodsmart's marker of a removed product ("product_remove", PRODUKTY). */
    static final String PRODUCT_REMOVED = "product_remove";

    private final Envelopes envelopes;
    private final ProdsmartDates dates;

    ProdsmartMapper(Envelopes envelopes, ProdsmartDates dates) {
        this.envelopes = envelopes;
        this.dates = dates;
    }

    /**
     * Stock: absolute levels. One LEVEL event for the product's total and one per lot; Prodsmart names no
     * location in the stock feed, so the location is empty (StockChanged: "empty when the source names none").
     */
    List<Outgoing> stock(JsonNode item, ItemContext context) {
        String code = required(item, "product-code");
        String key = Topics.stockKey(code, "");
        List<Outgoing> events = new ArrayList<>();
        events.add(Outgoing.event(Topics.STOCK_CHANGED, key, stockLevel(code, null, decimal(item.get("stock")),
                context, "total")));
        for (JsonNode lot : item.path("lot")) {
            String lotCode = required(lot, "code");
            events.add(Outgoing.event(Topics.STOCK_CHANGED, key, stockLevel(code, lotCode, decimal(lot.get("stock")),
                    context, "lot:" + lotCode)));
        }
        return events;
    }

    private StockChanged stockLevel(String code, String lot, BigDecimal quantity, ItemContext context, String part) {
        return StockChanged.newBuilder()
                .setEnvelope(envelope(code, context, part))
                .setKind(StockChangeKind.LEVEL)
                .setProductCode(code)
                .setLocation("")
                .setLot(lot)
                .setQuantity(quantity == null ? BigDecimal.ZERO.setScale(6) : quantity)
                .build();
    }

    /** A production order; one without {@code running-status} was deleted ("po usunięciu ... zostanie usunięta wartość"). */
    Outgoing productionOrder(JsonNode item, ItemContext context) {
        String id = required(item, "id");
        String runningStatus = text(item, "running-status");
        List<ProductionOrderLine> lines = new ArrayList<>();
        for (JsonNode line : item.path("products")) {
            BigDecimal ordered = decimal(line.get("quantity-ordered"));
            lines.add(ProductionOrderLine.newBuilder()
                    .setProductCode(required(line, "product"))
                    .setQuantityOrdered(ordered == null ? BigDecimal.ZERO.setScale(6) : ordered)
                    .setQuantityProduced(decimal(line.get("quantity-produced")))
                    .build());
        }
        JsonNode active = item.has("is-active") ? item.get("is-active") : item.get("active");
        ProductionOrderChanged event = ProductionOrderChanged.newBuilder()
                .setEnvelope(envelope(id, context, "order"))
                .setAction(runningStatus == null ? ChangeAction.DELETED : ChangeAction.UPDATED)
                .setOrderId(id)
                .setCode(text(item, "code"))
                .setStatus(text(item, "status"))
                .setRunningStatus(runningStatus)
                .setStartDate(dates.parse(text(item, "start-date")))
                .setDueDate(dates.parse(text(item, "due-date")))
                .setEnded(item.path("ended").asBoolean(false))
                .setActive(active == null || active.isNull() || active.asBoolean(true))
                .setLocation(text(item.path("location"), "code"))
                .setLines(lines)
                .build();
        return Outgoing.event(Topics.PRODUCTION_ORDER_CHANGED, id, event);
    }

    /** A product; {@code notification: product_remove} states its deletion. */
    Outgoing product(JsonNode item, ItemContext context) {
        String code = required(item, "code");
        Map<String, String> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "observations", text(item, "observations"));
        putIfPresent(attributes, "unitPrice", text(item, "unit-price"));
        List<String> families = new ArrayList<>();
        item.path("families").forEach(family -> families.add(family.path("code").asString()));
        putIfPresent(attributes, "families", families.isEmpty() ? null : String.join(",", families));
        ArticleUpserted event = ArticleUpserted.newBuilder()
                .setEnvelope(envelope(code, context, "product"))
                .setCode(code)
                .setDescription(text(item, "name"))
                .setDeleted(PRODUCT_REMOVED.equals(text(item, "notification")))
                .setUnitCost(decimal(item.get("unit-cost")))
                .setAttributes(new LinkedHashMap<>(attributes))
                .build();
        return Outgoing.event(Topics.ARTICLE_UPSERTED, code, event);
    }

    private Envelope envelope(String sourceId, ItemContext context, String part) {
        return envelopes.envelope(SourceSystem.PRODSMART, sourceId, context.readAt(), context.batchId(),
                context.idSeed(part), new TenantScope(context.company(), null));
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static String text(JsonNode item, String field) {
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
            throw new IllegalArgumentException("Prodsmart item without " + field);
        }
        return value;
    }

    /** Quantities as decimals of scale 6 (the schemas' scale); Prodsmart sends numbers or numeric strings. */
    static BigDecimal decimal(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString().trim());
        return number.setScale(6, RoundingMode.HALF_EVEN);
    }
}
