package com.crossdock.paqtana.view;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The items of the last master inventory Paqtana accepted, as the view loader reads them from
 * {@code Topics.PAQTANA_MASTER_INVENTORY_SENT} (one record per item, a tombstone when an item left): after a
 * restart the publisher compares its first PUT with what Paqtana holds from before, not with nothing.
 */
public final class SentItems {

    /** Between location and code in a record's key: a control character no code or location carries. */
    private static final char SEPARATOR = '\u001f';

    private final Set<ItemKey> items = new HashSet<>();

    public static byte[] key(ItemKey item) {
        return (item.location() + SEPARATOR + item.code()).getBytes(StandardCharsets.UTF_8);
    }

    synchronized void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        int at = key.indexOf(SEPARATOR);
        if (at < 0) {
            return;
        }
        ItemKey item = new ItemKey(key.substring(0, at), key.substring(at + 1));
        if (record.value() == null) {
            items.remove(item);
        } else {
            items.add(item);
        }
    }

    /** What the topic says Paqtana last received (empty when nothing was ever recorded). */
    public synchronized Set<ItemKey> snapshot() {
        return Set.copyOf(items);
    }
}
