package com.crossdock.poller;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crossdock.vendor.prodsmart.CanonicalEvent;
import com.crossdock.vendor.prodsmart.ChannelType;
import com.crossdock.vendor.prodsmart.ItemContext;
import com.crossdock.vendor.prodsmart.ProdsmartEventMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Decides where each item of a channel goes: canonical channels through Prodsmart's one mapping
 * ({@link ProdsmartEventMapper}, shared with the ingress's webhooks), the others to the raw topic. An item that
 * cannot be mapped is not dropped (the read was destructive): it goes to the raw topic with the reason in a
 * header (e.g. {@code products[0].quantity-ordered: is required}), for an operator to replay.
 */
final class ItemRouter {

    static final String HEADER_CHANNEL = "crossdock.prodsmart.channel";
    static final String HEADER_CHANNEL_TYPE = "crossdock.prodsmart.channel-type";
    static final String HEADER_BATCH = "crossdock.prodsmart.batch-id";
    static final String HEADER_MAPPING_ERROR = "crossdock.prodsmart.mapping-error";

    private static final Logger log = LoggerFactory.getLogger(ItemRouter.class);

    private final ProdsmartEventMapper mapper;
    private final String rawTopic;

    ItemRouter(ProdsmartEventMapper mapper, String rawTopic) {
        this.mapper = mapper;
        this.rawTopic = rawTopic;
    }

    List<Outgoing> route(String channel, ChannelType type, List<JsonNode> items, ItemContext batch) {
        List<Outgoing> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                if (type.canonical()) {
                    for (CanonicalEvent event : mapper.map(type, item, batch.item(i))) {
                        out.add(Outgoing.event(event.topic(), event.key(), event.event()));
                    }
                } else {
                    out.add(raw(channel, type, item.toString(), batch, null));
                }
            } catch (RuntimeException unmappable) {
                log.warn("Prodsmart {} item {} of batch {} cannot be mapped ({}); it goes to {}", type, i,
                        batch.batchId(), unmappable.getMessage(), rawTopic);
                out.add(raw(channel, type, item.toString(), batch, String.valueOf(unmappable.getMessage())));
            }
        }
        return out;
    }

    /** A whole answer that is not a JSON array of items: kept as received. */
    Outgoing unreadable(String channel, ChannelType type, String body, ItemContext batch, String reason) {
        return raw(channel, type, body, batch, reason);
    }

    private Outgoing raw(String channel, ChannelType type, String body, ItemContext batch, String error) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of(HEADER_CHANNEL, channel,
                HEADER_CHANNEL_TYPE, type.name(), HEADER_BATCH, batch.batchId()));
        if (error != null) {
            headers.put(HEADER_MAPPING_ERROR, error);
        }
        return Outgoing.raw(rawTopic, channel, body.getBytes(StandardCharsets.UTF_8), headers);
    }
}
