package com.crossdock.vendor.prodsmart;

/**
 * Prodsmart's change-channel types ("Kanały źródła danych zmian": "Istnieje 6 typów kanałów zmian",
 * prodsmart-api.pl.txt). Three map to canonical events; the others are kept as Prodsmart sent them.
 */
public enum ChannelType {
    STOCK, PRODUCTION_ORDER, PRODUCT, DOWN_TIME, PRODUCTION, PUNCH_CLOCK;

    /** True when {@link ProdsmartEventMapper} turns its items into canonical events. */
    public boolean canonical() {
        return this == STOCK || this == PRODUCTION_ORDER || this == PRODUCT;
    }
}
