package com.crossdock.poller;

import java.util.ArrayList;
import java.util.List;

import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.RawItems;
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

    /** The raw topic and its headers: {@code crossdock.prodsmart.channel}, {@code .channel-type}, {@code .batch-id}, {@code .mapping-error}. */
    static final RawItems RAW = new RawItems(Topics.PRODSMART_CHANGES_RAW, PollerProperties.PREFIX);

    private static final Logger log = LoggerFactory.getLogger(ItemRouter.class);

    private final ProdsmartEventMapper mapper;

    ItemRouter(ProdsmartEventMapper mapper) {
        this.mapper = mapper;
    }

    List<Outgoing> route(String channel, ChannelType type, List<JsonNode> items, ItemContext batch) {
        List<Outgoing> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.addAll(routeItem(channel, type, items.get(i), batch.item(i)));
        }
        return out;
    }

    /** One item, read in {@code context} (its index and read time its own). */
    List<Outgoing> routeItem(String channel, ChannelType type, JsonNode item, ItemContext context) {
        List<Outgoing> out = new ArrayList<>();
        try {
            if (type.canonical()) {
                for (CanonicalEvent event : mapper.map(type, item, context)) {
                    out.add(Outgoing.event(event));
                }
            } else {
                out.add(RAW.item(channel, type.name(), item.toString(), context.batchId(), null));
            }
        } catch (RuntimeException unmappable) {
            log.warn("Prodsmart {} item {} of batch {} cannot be mapped ({}); it goes to {}", type, context.index(),
                    context.batchId(), unmappable.getMessage(), RAW.topic());
            out.add(RAW.item(channel, type.name(), item.toString(), context.batchId(),
                    String.valueOf(unmappable.getMessage())));
        }
        return out;
    }

    /** A whole answer that is not a JSON array of items: kept as received. */
    Outgoing unreadable(String channel, ChannelType type, String body, ItemContext batch, String reason) {
        return RAW.item(channel, type.name(), body, batch.batchId(), reason);
    }
}
