package com.crossdock.orders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.Page;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.platform.poller.RawItems;
import com.crossdock.vendor.baselinker.BaseLinkerOrder;
import com.crossdock.vendor.baselinker.BaseLinkerOrderMapper;
import com.crossdock.vendor.baselinker.BaseLinkerOrders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BaseLinker's orders of one status as a source of the poller kit: {@code getOrders} with
 * {@code date_confirmed_from} = the last {@code date_confirmed} read + 1 s, at most 100 orders a call (VENDORS.md
 * "BaseLinker"), held {@link #HOLD_BACK_SECONDS} behind the read. The cursor is a record of the page itself, on
 * the compacted {@link Topics#BASELINKER_ORDERS_CURSOR}, and moves in memory only once the kit has the page in Kafka
 * or the spool ({@link #saved}): a restart reads the cursor back and neither skips nor repeats a page. An order that cannot be mapped is kept raw with the reason.
 */
final class OrdersFeed implements FeedSource {

    static final RawItems RAW = new RawItems(Topics.BASELINKER_ORDERS_RAW, "crossdock.baselinker");
    /**
     * How far behind the read the cursor stays: an order confirmed in the second of a read, after it, has that
     * second's {@code date_confirmed}, which "last + 1 s" would skip for ever. Orders of the last seconds are read
     * again instead (the same event ids; the export creates each once).
     */
    static final long HOLD_BACK_SECONDS = 2;

    private static final Logger log = LoggerFactory.getLogger(OrdersFeed.class);

    private final BaseLinkerClient client;
    private final BaseLinkerOrderMapper mapper;
    private final PublishedRecords published;
    private final JsonMapper json;
    private final long statusId;
    private final String cursorKey;
    private Long cursor;
    private long pageCursor;
    /** Orders published from the held-back seconds (id → version, confirmed at): not published again unchanged. */
    private final Map<Long, Map.Entry<String, Long>> heldBack = new java.util.HashMap<>();
    private final Map<Long, Map.Entry<String, Long>> pageHeldBack = new java.util.HashMap<>();

    OrdersFeed(BaseLinkerClient client, BaseLinkerOrderMapper mapper, PublishedRecords published, JsonMapper json,
            String account, long statusId) {
        this.client = client;
        this.mapper = mapper;
        this.published = published;
        this.json = json;
        this.statusId = statusId;
        this.cursorKey = Topics.BASELINKER_CURSOR_KEY + ":" + account + ":" + statusId;
    }

    @Override
    public String channel() {
        return "orders-status-" + statusId;
    }

    @Override
    public String type() {
        return "order";
    }

    @Override
    public byte[] fetch() {
        return client.orders(statusId, cursor()).block();
    }

    /** The next {@code date_confirmed_from}: read from the cursor topic before the first read of this instance. */
    long cursor() {
        if (cursor == null) {
            ConsumerRecord<byte[], byte[]> saved = published.latest(Topics.BASELINKER_ORDERS_CURSOR).get(cursorKey);
            cursor = saved == null ? 0 : Long.parseLong(new String(saved.value(), StandardCharsets.UTF_8).trim());
            log.info("BaseLinker orders of status {} are read from date_confirmed {}", statusId, cursor);
        }
        return cursor;
    }

    @Override
    public Page page(byte[] answer, Read read) {
        pageHeldBack.clear();
        List<JsonNode> orders;
        try {
            orders = BaseLinkerOrders.orderNodes(json.readTree(answer));
        } catch (JacksonException | IllegalArgumentException unreadable) {
            pageCursor = cursor();
            return Page.of(List.of(RAW.item(channel(), type(), answer, read.id(), "unreadable getOrders answer: "
                    + unreadable.getMessage())), 1, BaseLinkerOrders.PAGE_SIZE);
        }
        List<Outgoing> records = new ArrayList<>();
        long next = cursor();
        for (int i = 0; i < orders.size(); i++) {
            JsonNode node = orders.get(i);
            // the cursor passes every order read, mapped or kept raw: a page is never read twice
            next = Math.max(next, node.path("date_confirmed").asLong(0) + 1);
            try {
                BaseLinkerOrder order = BaseLinkerOrders.read(node, "orders[" + i + "]");
                Map.Entry<String, Long> seen = heldBack.get(order.orderId());
                if (seen != null && seen.getKey().equals(order.version())) {
                    continue;
                }
                records.add(Outgoing.event(mapper.map(order)));
                pageHeldBack.put(order.orderId(), Map.entry(order.version(), node.path("date_confirmed").asLong(0)));
            } catch (RuntimeException unmappable) {
                log.warn("BaseLinker order {} cannot be mapped ({}); it goes to {}", node.path("order_id"),
                        unmappable.getMessage(), RAW.topic());
                records.add(RAW.item(channel(), type(), node.toString(), read.id(), String.valueOf(unmappable.getMessage())));
            }
        }
        // never past what may still be confirmed in the seconds of this read
        next = Math.max(cursor(), Math.min(next, read.at().getEpochSecond() - HOLD_BACK_SECONDS));
        if (next != cursor()) {
            records.add(Outgoing.raw(Topics.BASELINKER_ORDERS_CURSOR, cursorKey,
                    Long.toString(next).getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        pageCursor = next;
        return Page.of(records, orders.size(), BaseLinkerOrders.PAGE_SIZE);
    }

    @Override
    public void saved(Page page) {
        cursor = pageCursor;
        heldBack.putAll(pageHeldBack);
        pageHeldBack.clear();
        // what the cursor has passed is never read again
        heldBack.values().removeIf(seen -> seen.getValue() < cursor);
    }
}
