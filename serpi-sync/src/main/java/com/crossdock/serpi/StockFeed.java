package com.crossdock.serpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.events.StockChanged;
import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.Page;
import com.crossdock.platform.vendor.client.JsonAnswer;

/**
 * SERPI's balances as a source of the poller kit: every {@code feed.idle-interval}, {@code GET SaldoInventario} as of
 * today (SERPI's zone), page by page ({@link PagedRead}: the next pages are asked for while the service works, every page already
 * answered is saved as one batch), each
 * balance of a mapped warehouse a StockChanged LEVEL, published when it differs from the level last published for its
 * item ({@link KnownLevels}, read back from the stock topic at the start of every read: a restart publishes no level
 * that did not change).
 */
final class StockFeed implements FeedSource {

    static final String CHANNEL = "stock";

    private final SerpiClient client;
    private final SerpiReads reads;
    private final SyncProperties properties;
    private final ZoneId zone;
    private final Clock clock;
    private final KnownLevels known;
    private final PagedRead<JsonAnswer> pages;
    /** The last fetch, as read: its page is read once. */
    private SerpiReads.Fetched fetched;
    private LocalDate corte;

    StockFeed(SerpiClient client, SerpiReads reads, KnownLevels known, SyncProperties properties, ZoneId zone,
            Clock clock) {
        this.client = client;
        this.known = known;
        this.reads = reads;
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
        this.pages = new PagedRead<>(pagina -> client.balances(corte, properties.pageSize(), pagina), SerpiReads::items,
                properties.pageSize());
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public byte[] fetch() {
        if (pages.atStart()) {
            known.reload();
            corte = LocalDate.now(clock.withZone(zone));
        }
        fetched = SerpiReads.Fetched.of(pages.fetchReady(PagedRead.AHEAD));
        return fetched.bytes();
    }

    @Override
    public Page page(byte[] answer, Read read) {
        SerpiReads.Result result = reads.balances(SerpiReads.Fetched.of(answer, fetched), read.id(), read.at());
        List<Outgoing> changed = new ArrayList<>();
        for (Outgoing record : result.records()) {
            if (!(record.event() instanceof StockChanged level) || known.changed(record.key(), level)) {
                changed.add(record);
            }
        }
        return new Page(changed, result.items(), result.lastItems() >= properties.pageSize());
    }

    @Override
    public void saved(Page saved) {
        known.saved(saved.records());
        pages.saved(saved);
    }
}
