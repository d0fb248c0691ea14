package com.crossdock.ingress.prodsmart;

import com.crossdock.platform.kafka.DeadLetterHeaders;

/** Header names of Prodsmart webhooks (prodsmart-api.pl.txt, "Nagłówki webhook") and of the raw records. */
public final class ProdsmartHeaders {

    /** Every vendor header starts with it; these (but the signatures) are kept on the raw record. */
    public static final String VENDOR_PREFIX = "x-prodsmart-";
    public static final String TOPIC = "x-prodsmart-topic";
    public static final String WEBHOOK_UUID = "x-prodsmart-webhook-uuid";
    public static final String TRIGGERED_AT = "x-prodsmart-triggered-at";
    public static final String API_VERSION = "x-prodsmart-api-version";
    public static final String HMAC_SHA256 = "x-prodsmart-hmac-sha256";
    public static final String HMAC_SHA1 = "x-prodsmart-hmac-sha1";
    /** When Crossdock received the webhook (ISO-8601 instant), on the raw record. */
    public static final String RECEIVED_AT = "crossdock.received-at";
    public static final String CORRELATION_ID = DeadLetterHeaders.CORRELATION_ID;
    public static final String CONTENT_TYPE = "content-type";

    private ProdsmartHeaders() {
    }
}
