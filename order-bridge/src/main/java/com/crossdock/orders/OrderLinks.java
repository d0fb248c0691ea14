package com.crossdock.orders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.crossdock.platform.kafka.RawRecordSender;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PublishedRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Optimakers order was created for which BaseLinker order, kept in Kafka (the compacted
 * {@link Topics#OPTIMAKERS_ORDER_LINKS}, key the BaseLinker id, value the Optimakers id): read whole before the first
 * check of this instance, then kept in memory and written through (acks=all) as each order is created. No private
 * database (DESIGN.md).
 */
class OrderLinks {

    private static final Logger log = LoggerFactory.getLogger(OrderLinks.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final PublishedRecords published;
    private final RawRecordSender sender;
    private final Map<String, String> links = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    OrderLinks(PublishedRecords published, RawRecordSender sender) {
        this.published = published;
        this.sender = sender;
    }

    /** The Optimakers order id of BaseLinker order {@code orderId}, if one was created. */
    Optional<String> optimakersId(String orderId) {
        load();
        return Optional.ofNullable(links.get(orderId));
    }

    /** Records the link; returns once Kafka has it. */
    void link(String orderId, String optimakersId) {
        try {
            sender.send(new ProducerRecord<>(Topics.OPTIMAKERS_ORDER_LINKS, orderId.getBytes(StandardCharsets.UTF_8),
                    optimakersId.getBytes(StandardCharsets.UTF_8))).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while linking order " + orderId, e);
        } catch (ExecutionException | TimeoutException e) {
            // transient: the listener retries the record, finds the order at Optimakers by its reference and links it
            throw new IllegalStateException("could not store the link of order " + orderId + " to Optimakers order "
                    + optimakersId, e);
        }
        links.put(orderId, optimakersId);
    }

    int size() {
        load();
        return links.size();
    }

    private synchronized void load() {
        if (loaded) {
            return;
        }
        published.latest(Topics.OPTIMAKERS_ORDER_LINKS).forEach((key, record) ->
                links.putIfAbsent(key, new String(record.value(), StandardCharsets.UTF_8)));
        loaded = true;
        log.info("{} links of BaseLinker orders to Optimakers orders read from {}", links.size(),
                Topics.OPTIMAKERS_ORDER_LINKS);
    }
}
