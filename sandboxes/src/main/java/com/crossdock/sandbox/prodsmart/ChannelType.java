package com.crossdock.sandbox.prodsmart;

import tools.jackson.databind.JsonNode;

/**
 * The six change-channel types of prodsmart-api.pl.txt ("Istnieje 6 typów kanałów zmian"), and what
 * identifies an item of each: the feed holds one entry per item, its current state ("Elementy pobierane
 * z usługi są usuwane ze stosu (dopóki nie zostaną zaktualizowane)").
 */
public enum ChannelType {
    DOWN_TIME, PRODUCT, PRODUCTION, PRODUCTION_ORDER, PUNCH_CLOCK, STOCK;

    String keyOf(JsonNode item) {
        String field = switch (this) {
            case STOCK -> "product-code";
            case PRODUCT -> "code";
            default -> "id";
        };
        JsonNode key = item.get(field);
        return key == null || key.isNull() ? item.toString() : key.asString();
    }
}
