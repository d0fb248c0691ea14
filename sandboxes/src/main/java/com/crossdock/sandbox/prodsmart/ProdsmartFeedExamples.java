package com.crossdock.sandbox.prodsmart;

/**
 * The change-feed answers of prodsmart-api.pl.txt ("Kanały źródła danych zmian", one per channel type),
 * copied from the document as classpath resources for the poller's mapping tests and the demo. The
 * downtime example lost the trailing comma the document has after its last field, which is not JSON.
 */
public final class ProdsmartFeedExamples {

    private static final String BASE = "prodsmart/changes/";

    public static final String STOCK_JSON = BASE + "stock.json";
    public static final String PRODUCTION_ORDERS_JSON = BASE + "production-orders.json";
    public static final String PRODUCTS_JSON = BASE + "products.json";
    public static final String DOWN_TIMES_JSON = BASE + "down-times.json";
    public static final String PRODUCTIONS_JSON = BASE + "productions.json";
    public static final String PUNCH_CLOCKS_JSON = BASE + "punch-clocks.json";

    private ProdsmartFeedExamples() {
    }

    /** The example's bytes (a JSON array, as the feed answers). */
    public static byte[] load(String resource) {
        return ProdsmartExamples.load(resource);
    }
}
