package com.crossdock.poller;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.Page;
import com.crossdock.vendor.prodsmart.ItemContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Prodsmart change channel as a source of the poller kit: {@code GET /api/changes/{channel}} answers at most 25
 * items and removes what it returns (a destructive read, VENDORS.md), so the kit saves each page before the next
 * read, never repeats a read that may have been served, and reconciles the channel when one failed that way. An
 * answer that is not a JSON array is kept whole on the raw topic.
 */
final class ChannelFeed implements FeedSource {

    private final PollerProperties.Channel channel;
    private final ProdsmartClient client;
    private final ItemRouter router;
    private final JsonMapper json;

    ChannelFeed(PollerProperties.Channel channel, ProdsmartClient client, ItemRouter router, JsonMapper json) {
        this.channel = channel;
        this.client = client;
        this.router = router;
        this.json = json;
    }

    @Override
    public String channel() {
        return channel.name();
    }

    @Override
    public String type() {
        return channel.type().name();
    }

    /** "Elementy pobierane z usługi są usuwane ze stosu" ("Pobieranie zmian", prodsmart-api.pl.txt). */
    @Override
    public boolean destructive() {
        return true;
    }

    /** The list that holds what the channel carries: products with their stock, or the open orders. */
    @Override
    public List<String> reconciledBy() {
        return switch (channel.type()) {
            case STOCK, PRODUCT -> List.of(ProdsmartReconciliation.PRODUCTS);
            case PRODUCTION_ORDER -> List.of(ProdsmartReconciliation.PRODUCTION_ORDERS);
            default -> List.of();
        };
    }

    @Override
    public byte[] fetch() {
        return client.changes(channel.name()).block();
    }

    @Override
    public Page page(byte[] body, Read read) {
        ItemContext batch = new ItemContext("feed:" + channel.name(), read.id(), 0, read.at());
        try {
            List<JsonNode> items = parse(body);
            return Page.of(router.route(channel.name(), channel.type(), items, batch), items.size(), ProdsmartClient.PAGE_SIZE);
        } catch (JacksonException | IllegalArgumentException unreadable) {
            Outgoing kept = router.unreadable(channel.name(), channel.type(), new String(body, StandardCharsets.UTF_8),
                    batch, "unreadable feed answer");
            return Page.of(List.of(kept), 1, ProdsmartClient.PAGE_SIZE);
        }
    }

    private List<JsonNode> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        JsonNode tree = json.readTree(body);
        if (!tree.isArray()) {
            throw new IllegalArgumentException("the feed answered " + tree.getNodeType() + ", not an array");
        }
        return tree.valueStream().toList();
    }
}
