package com.crossdock.serpi;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.PublishedRecords;
import com.crossdock.vendor.serpi.SerpiProperties;

/**
 * The stock level last published for each item at a SERPI warehouse's location, read back from
 * {@code crossdock.stock-changed.v1}: what SERPI's balances are compared with, so only a level that changed is
 * published, after a restart or a change of the lease holder too (no private database, DESIGN.md). The topic is not
 * compacted (movements are deltas), but a location has one stock source (the location rule), so the latest record of
 * a key at a SERPI location is SERPI's last level there; only those keys are decoded. Read back at the start of every
 * read of the balances; between two reads, what this service published is added. A level older than the topic's
 * retention (a week) is no longer there: it is published once more, which changes nothing downstream (a LEVEL).
 */
final class KnownLevels {

    private final PublishedRecords published;
    private final EventCodec codec;
    private final SerpiProperties company;
    private final Map<String, BigDecimal> levels = new ConcurrentHashMap<>();

    KnownLevels(PublishedRecords published, EventCodec codec, SerpiProperties company) {
        this.published = published;
        this.codec = codec;
        this.company = company;
    }

    /** Reads the topic from its beginning to its current end; fails (and the read with it) when it cannot. */
    synchronized void reload() {
        Set<String> locations = Set.copyOf(company.warehouses().values().stream().map(String::trim).toList());
        Map<String, BigDecimal> read = new HashMap<>();
        published.latest(Topics.STOCK_CHANGED).forEach((key, record) -> {
            int bar = key.lastIndexOf('|');
            if (bar < 0 || !locations.contains(key.substring(bar + 1))) {
                return;
            }
            StockChanged level = codec.decode(record, StockChanged.class);
            if (level.getKind() == StockChangeKind.LEVEL
                    && level.getEnvelope().getSourceSystem() == SourceSystem.SERPI
                    && level.getEnvelope().getTenant() != null
                    && company.company().equals(level.getEnvelope().getTenant().getOrganisation())) {
                read.put(key, level.getQuantity());
            }
        });
        levels.clear();
        levels.putAll(read);
    }

    /** Whether {@code level} differs from the level last published under {@code key} (none: it differs). */
    boolean changed(String key, StockChanged level) {
        BigDecimal last = levels.get(key);
        return last == null || last.compareTo(level.getQuantity()) != 0;
    }

    /** What a page put in Kafka: the levels among its records are now the latest. */
    void saved(List<Outgoing> records) {
        for (Outgoing record : records) {
            if (record.event() instanceof StockChanged level) {
                levels.put(record.key(), level.getQuantity());
            }
        }
    }
}
