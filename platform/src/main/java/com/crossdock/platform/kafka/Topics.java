package com.crossdock.platform.kafka;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every topic name in one place, and every rule that derives one topic name from another. Canonical topics are
 * {@code crossdock.<event-kebab>.v<major>}; each consumer group has its own retry, dead-letter and parked topics,
 * {@code <topic>.<group>.retry}, {@code <topic>.<group>.dlt} and {@code <topic>.<group>.parked}, so that a replay
 * reaches only the group that failed, never its siblings. A consumer group declares them once, as a
 * {@link ConsumerGroup} bean. No other class spells a topic name or suffix (the structure test checks it).
 */
public final class Topics {

    /** Stock per product and location; key {@link #stockKey}. Not compacted: movements are deltas. */
    public static final String STOCK_CHANGED = "crossdock.stock-changed.v1";
    /** Production orders; key the order id. Compacted: each event is the order's full state. */
    public static final String PRODUCTION_ORDER_CHANGED = "crossdock.production-order-changed.v1";
    /** Sales orders; key the source's order id. Compacted: each event is the order's full state. */
    public static final String ORDER_PLACED = "crossdock.order-placed.v1";
    /** Article master data; key the article code. Compacted. */
    public static final String ARTICLE_UPSERTED = "crossdock.article-upserted.v1";
    /** Verified Prodsmart webhooks exactly as received (body bytes, headers without the signature). */
    public static final String PRODSMART_WEBHOOK_RAW = "crossdock.prodsmart-webhook-raw.v1";
    /**
     * Prodsmart feed items of the channels no canonical event states (down time, production, punch clock), and
     * items that could not be mapped, as JSON.
     */
    public static final String PRODSMART_CHANGES_RAW = "crossdock.prodsmart-changes-raw.v1";
    /** SERPI answers and articles serpi-sync could not read, as JSON with the reason in a header. */
    public static final String SERPI_RAW = "crossdock.serpi-raw.v1";
    /** Orders fulfilled at their producer (Optimakers marks one "Zrealizowane"); key the source order's id. Compacted. */
    public static final String ORDER_FULFILLED = "crossdock.order-fulfilled.v1";
    /** Verified Optimakers webhooks as received (the body's security token replaced), keyed by the webhook's id. */
    public static final String OPTIMAKERS_WEBHOOK_RAW = "crossdock.optimakers-webhook-raw.v1";
    /**
     * BaseLinker orders that could not be mapped, kept as read (JSON) with the reason in a header; and the
     * order-bridge poller's cursor record (key {@link #BASELINKER_CURSOR_KEY}: the last date_confirmed stored).
     */
    public static final String BASELINKER_ORDERS_RAW = "crossdock.baselinker-orders-raw.v1";
    /** The key of the BaseLinker order poller's cursor record on {@link #BASELINKER_ORDERS_CURSOR}. */
    public static final String BASELINKER_CURSOR_KEY = "getOrders.date_confirmed";
    /** The BaseLinker order poller's cursor, one record per status imported. Compacted. */
    public static final String BASELINKER_ORDERS_CURSOR = "crossdock.baselinker-orders-cursor.v1";
    /**
     * Which Optimakers order was created for which BaseLinker order: key the BaseLinker order id, value the
     * Optimakers order id (text). Compacted; read whole at order-bridge's start, checked before every create.
     */
    public static final String OPTIMAKERS_ORDER_LINKS = "crossdock.optimakers-order-links.v1";
    /** Every operator replay run, as JSON keyed by replay id: who, what filter, how many. */
    public static final String OPERATOR_AUDIT = "crossdock.operator-audit.v1";
    /**
     * The Paqtana master-inventory push. Not a topic: a push has no source record; it names the dead-letter
     * topic of the inventories Paqtana cannot take, {@code deadLetterTopic(PAQTANA_MASTER_INVENTORY, group)}.
     */
    public static final String PAQTANA_MASTER_INVENTORY = "crossdock.paqtana.master-inventory";
    /**
     * The items of the last master inventory Paqtana accepted, one record per item (key location and code, a
     * tombstone when an item leaves): what the publisher compares its next PUT with, across restarts. Compacted.
     */
    public static final String PAQTANA_MASTER_INVENTORY_SENT = "crossdock.paqtana-master-inventory-sent.v1";

    /** Supplier invoices, the incoming-goods documents (supplier-gateway); key {@code <supplier>:<invoice id>}. Compacted. */
    public static final String SUPPLIER_INVOICE_RECEIVED = "crossdock.supplier-invoice-received.v1";
    /**
     * The outcome of each supplier order by its {@code Idempotency-Key} (supplier-gateway), as JSON keyed by the key:
     * what makes a repeated key answer the first order's outcome, across restarts. Compacted.
     */
    public static final String SUPPLIER_ORDER_KEYS = "crossdock.supplier-order-keys.v1";
    /** Supplier invoice answers the gateway could not map, kept as received (the poller kit's raw topic). */
    public static final String SUPPLIER_INVOICES_RAW = "crossdock.supplier-invoices-raw.v1";

    /**
     * The local schema registry's store ({@code InProcessSchemaRegistry}), named and laid out as Confluent's
     * registry keeps its own: one partition, compacted, each record a schema version or a compatibility setting.
     */
    public static final String SCHEMAS = "_schemas";

    private static final String PREFIX = "crossdock.";
    private static final String RETRY = ".retry";
    private static final String DLT = ".dlt";
    private static final String PARKED = ".parked";
    private static final String QUARANTINE = ".quarantine";
    private static final String LEASE = "-poller.lease";
    /** Longest first, so that a source that is a prefix of another never claims the other's dead letters. */
    private static final List<String> SOURCES = Stream.of(STOCK_CHANGED, PRODUCTION_ORDER_CHANGED, ORDER_PLACED,
            ARTICLE_UPSERTED, PRODSMART_WEBHOOK_RAW, PRODSMART_CHANGES_RAW, PAQTANA_MASTER_INVENTORY, ORDER_FULFILLED,
            OPTIMAKERS_WEBHOOK_RAW, BASELINKER_ORDERS_RAW)
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    /** A versioned topic's dead letters: {@code <anything>.v<n>.<group>.dlt}. */
    private static final Pattern VERSIONED_DEAD_LETTERS = Pattern.compile("\\.v\\d+\\.(.+)\\.dlt$");

    private Topics() {
    }

    /** Where an operator replays {@code group}'s dead letters of {@code topic}; the group listens on it. */
    public static String retryTopic(String topic, String group) {
        return topic + "." + group + RETRY;
    }

    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + DLT;
    }

    /** Where a replay puts a dead letter it has replayed too often already, for a human. */
    public static String parkedTopic(String topic, String group) {
        return topic + "." + group + PARKED;
    }

    /** The source topic of a retry or dead-letter topic of {@code group}; the topic itself otherwise. */
    public static String sourceTopic(String topic, String group) {
        for (String suffix : new String[] {RETRY, DLT}) {
            String tail = "." + group + suffix;
            if (topic.endsWith(tail)) {
                return topic.substring(0, topic.length() - tail.length());
            }
        }
        return topic;
    }

    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(DLT);
    }

    /** Whether {@code topic} is one of {@code group}'s dead-letter topics. */
    public static boolean isDeadLetterTopicOf(String topic, String group) {
        return topic.endsWith("." + group + DLT);
    }

    /**
     * The group a dead-letter topic's name tells: after a topic of this registry, or after the {@code .v<n>} of a
     * versioned topic; empty when the name does not tell (the records' own header does, see DeadLetterHeaders).
     */
    public static Optional<String> deadLetterGroup(String topic) {
        if (!isDeadLetterTopic(topic)) {
            return Optional.empty();
        }
        for (String source : SOURCES) {
            if (topic.startsWith(source + ".") && topic.length() > source.length() + 1 + DLT.length()) {
                return Optional.of(topic.substring(source.length() + 1, topic.length() - DLT.length()));
            }
        }
        Matcher versioned = VERSIONED_DEAD_LETTERS.matcher(topic);
        return versioned.find() ? Optional.of(versioned.group(1)) : Optional.empty();
    }

    /**
     * Where a webhook provider keeps what it verified but will not map until an operator releases it (a stale
     * delivery, one without a delivery id), next to its raw topic: {@code <raw topic>.quarantine}.
     */
    public static String quarantineTopic(String rawTopic) {
        return rawTopic + QUARANTINE;
    }

    /** The raw topic a quarantine topic's records are released to; empty when {@code topic} is no quarantine. */
    public static Optional<String> releaseTopic(String topic) {
        return topic.endsWith(QUARANTINE) && topic.length() > QUARANTINE.length()
                ? Optional.of(topic.substring(0, topic.length() - QUARANTINE.length())) : Optional.empty();
    }

    /**
     * The single-partition topic whose one partition is the lease of a vendor's poller: whichever member of the
     * account's {@link #leaseGroup lease group} is assigned it is the one instance that reads from the vendor.
     */
    public static String leaseTopic(String vendor) {
        return PREFIX + vendor + LEASE;
    }

    /** The consumer group of one vendor account's pollers on {@link #leaseTopic}: one active poller per account. */
    public static String leaseGroup(String vendor, String account) {
        return vendor + "-poller-lease-" + account;
    }

    /** Stock events about one product at one location stay in order. */
    public static String stockKey(String productCode, String location) {
        return productCode + "|" + location;
    }
}
