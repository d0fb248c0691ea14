package com.crossdock.poller;

/**
 * Prodsmart's change-channel types ("Istnieje 6 typów kanałów zmian", prodsmart-api.pl.txt). Three map to
 * canonical events; the others, when configured, go to the raw topic as Prodsmart sent them.
 */
public enum ChannelType {
    STOCK, PRODUCTION_ORDER, PRODUCT, DOWN_TIME, PRODUCTION, PUNCH_CLOCK;

    boolean canonical() {
        return this == STOCK || this == PRODUCTION_ORDER || this == PRODUCT;
    }
}
