package com.crossdock.orders;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.crossdock.events.OrderKind;
import com.crossdock.events.OrderPlaced;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.vendor.optimakers.OptimakersOrders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.JsonNode;

/**
 * Creates each sales order imported from BaseLinker at Optimakers, once. Before every create it checks the link
 * (BaseLinker id → Optimakers id, {@link OrderLinks}) and then Optimakers itself for an order carrying the
 * BaseLinker reference: an order created just before a crash, whose link was never written, is found and linked,
 * not created again. An order read twice, replayed, or changed at BaseLinker is therefore one Optimakers order. An
 * order whose currency or VAT rate has no Optimakers id fails permanently (a dead letter naming the missing
 * setting), as does an order Optimakers refuses (4xx, with its answer).
 */
class OrderExporter {

    private static final Logger log = LoggerFactory.getLogger(OrderExporter.class);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

    private final EventCodec codec;
    private final OptimakersOrders orders;
    private final OptimakersApi optimakers;
    private final OrderLinks links;

    OrderExporter(EventCodec codec, OptimakersOrders orders, OptimakersApi optimakers, OrderLinks links) {
        this.codec = codec;
        this.orders = orders;
        this.optimakers = optimakers;
        this.links = links;
    }

    @KafkaListener(id = "#{@orderExportGroup.id()}", groupId = "#{@orderExportGroup.id()}",
            topics = "#{@orderExportGroup.listenTopics()}")
    void onOrder(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        OrderPlaced order = codec.decode(record, OrderPlaced.class);
        if (order.getEnvelope().getSourceSystem() != SourceSystem.BASELINKER || order.getKind() != OrderKind.SALE) {
            return;
        }
        export(order);
    }

    void export(OrderPlaced order) {
        String id = order.getOrderId();
        if (links.optimakersId(id).isPresent()) {
            log.debug("BaseLinker order {} is Optimakers order {} already", id, links.optimakersId(id).get());
            return;
        }
        Map<String, Object> body = orders.newOrder(order);
        List<JsonNode> existing = optimakers.ordersByExternalId(OptimakersOrders.reference(id)).block(CALL_TIMEOUT);
        if (existing != null && !existing.isEmpty()) {
            String optimakersId = OptimakersOrders.id(existing.get(0));
            log.info("BaseLinker order {} was created at Optimakers as {} before its link was stored: linked now", id,
                    optimakersId);
            links.link(id, optimakersId);
            return;
        }
        JsonNode created = optimakers.createOrder(body).block(CALL_TIMEOUT);
        if (created == null) {
            // transient: the retry looks the order up by its reference before it creates anything
            throw new IllegalStateException("Optimakers answered the create of BaseLinker order " + id + " with no body");
        }
        String optimakersId = OptimakersOrders.id(created);
        links.link(id, optimakersId);
        log.info("BaseLinker order {} created at Optimakers as order {}", id, optimakersId);
    }
}
