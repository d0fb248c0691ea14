package com.crossdock.ingress.prodsmart;

import com.crossdock.platform.kafka.DeadLetterHeaders;

/**
 * The headers the ingress itself writes on a raw webhook record, next to the vendor's own
 * ({@link com.crossdock.vendor.prodsmart.ProdsmartHeaders}).
 */
public final class RawRecordHeaders {

    /** When Crossdock received the webhook (ISO-8601 instant). */
    public static final String RECEIVED_AT = "crossdock.received-at";
    public static final String CORRELATION_ID = DeadLetterHeaders.CORRELATION_ID;
    public static final String CONTENT_TYPE = "content-type";

    private RawRecordHeaders() {
    }
}
