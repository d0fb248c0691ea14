package com.crossdock.serpi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.crossdock.events.StockChanged;
import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.Page;

/**
 * SERPI's balances as a source of the poller kit: every {@code feed.idle-interval}, {@code GET SaldoInventario} as of
 * today (SERPI's zone), page by page ({@link PagedRead}: the next page is asked for while one is saved), each
 * balance of a mapped warehouse a StockChanged LEVEL, published when it differs from the level this instance last
 * published for its item (after a start, every level once: a LEVEL repeated changes nothing downstream).
 */
final class StockFeed implements FeedSource {

    static final String CHANNEL = "stock";

    private final SerpiClient client;
    private final SerpiReads reads;
    private final SyncProperties properties;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<String, BigDecimal> published = new ConcurrentHashMap<>();
    private final PagedRead pages;
    private LocalDate corte;

    StockFeed(SerpiClient client, SerpiReads reads, SyncProperties properties, ZoneId zone, Clock clock) {
        this.client = client;
        this.reads = reads;
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
        this.pages = new PagedRead(pagina -> client.balances(corte, properties.pageSize(), pagina));
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public byte[] fetch() {
        if (pages.atStart()) {
            corte = LocalDate.now(clock.withZone(zone));
        }
        return pages.fetch();
    }

    @Override
    public Page page(byte[] answer, Read read) {
        SerpiReads.Result result = reads.balances(answer, read.id(), read.at());
        List<Outgoing> changed = new ArrayList<>();
        for (Outgoing record : result.records()) {
            if (!(record.event() instanceof StockChanged level)
                    || published.get(record.key()) == null
                    || published.get(record.key()).compareTo(level.getQuantity()) != 0) {
                changed.add(record);
            }
        }
        Page page = Page.of(changed, result.items(), properties.pageSize());
        pages.readAhead(page);
        return page;
    }

    @Override
    public void saved(Page saved) {
        for (Outgoing record : saved.records()) {
            if (record.event() instanceof StockChanged level) {
                published.put(record.key(), level.getQuantity());
            }
        }
        pages.saved(saved);
    }
}
