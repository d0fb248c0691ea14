package com.crossdock.platform.kafka;

/**
 * Every topic name in one place. Canonical topics are {@code crossdock.<event-kebab>.v<major>}; each consumer
 * group has its own retry and dead-letter topics, {@code <topic>.<group>.retry} and {@code <topic>.<group>.dlt},
 * so that a replay reaches only the group that failed, never its siblings.
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
    private static final String RETRY = ".retry";
    private static final String DLT = ".dlt";

    private Topics() {
    }

    public static String retryTopic(String topic, String group) {
        return topic + "." + group + RETRY;
    }

    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + DLT;
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

    /** Stock events about one product at one location stay in order. */
    public static String stockKey(String productCode, String location) {
        return productCode + "|" + location;
    }
}
