package com.crossdock.platform.poller;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a poller keeps what it read as received: the vendor's raw topic, keyed by channel, with headers under the
 * vendor's prefix saying where it came from ({@code <prefix>.channel}, {@code .channel-type}, {@code .batch-id})
 * and, for what could not be mapped or serialized, why ({@code <prefix>.mapping-error}). A read may be
 * destructive: nothing read is dropped, it is kept here for an operator to replay.
 *
 * @param topic        the raw topic ({@code Topics})
 * @param headerPrefix the vendor's header prefix, e.g. {@code crossdock.prodsmart}
 */
public record RawItems(String topic, String headerPrefix) {

    public String channelHeader() {
        return headerPrefix + ".channel";
    }

    public String channelTypeHeader() {
        return headerPrefix + ".channel-type";
    }

    public String batchHeader() {
        return headerPrefix + ".batch-id";
    }

    public String mappingErrorHeader() {
        return headerPrefix + ".mapping-error";
    }

    /**
     * One item (or a whole answer) as received. {@code error} is why it was not mapped, null for an item whose
     * channel simply has no canonical event.
     */
    public Outgoing item(String channel, String type, String body, String batchId, String error) {
        return item(channel, type, body.getBytes(StandardCharsets.UTF_8), batchId, error);
    }

    /** As {@link #item(String, String, String, String, String)}, for bytes as the vendor sent them. */
    public Outgoing item(String channel, String type, byte[] body, String batchId, String error) {
        Map<String, String> headers = new HashMap<>(Map.of(channelHeader(), channel, channelTypeHeader(), type,
                batchHeader(), batchId));
        if (error != null) {
            headers.put(mappingErrorHeader(), error);
        }
        return Outgoing.raw(topic, channel, body, headers);
    }
}
