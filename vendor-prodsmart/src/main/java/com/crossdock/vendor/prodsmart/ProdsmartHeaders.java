package com.crossdock.vendor.prodsmart;

/** Header names of Prodsmart's webhooks (prodsmart-api.pl.txt, "Nagłówki webhook"). */
public final class ProdsmartHeaders {

    /** Every vendor header starts with it. */
    public static final String VENDOR_PREFIX = "x-prodsmart-";
    public static final String TOPIC = "x-prodsmart-topic";
    public static final String WEBHOOK_UUID = "x-prodsmart-webhook-uuid";
    public static final String TRIGGERED_AT = "x-prodsmart-triggered-at";
    public static final String API_VERSION = "x-prodsmart-api-version";
    /** The document names both signature headers ("Jak zweryfikować element webhook?"). */
    public static final String HMAC_SHA256 = "x-prodsmart-hmac-sha256";
    public static final String HMAC_SHA1 = "x-prodsmart-hmac-sha1";

    private ProdsmartHeaders() {
    }
}
