package com.crossdock.serpi;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.platform.poller.FeedSource;
import com.crossdock.platform.poller.Page;
import com.crossdock.platform.vendor.client.JsonAnswer;
import com.crossdock.vendor.serpi.SerpiArticle;
import reactor.core.publisher.Mono;

/**
 * SERPI's changed articles as a source of the poller kit: every {@code feed.idle-interval} (5 minutes, "puede hacer un
 * consumo cada 5 minutos") the articles modified since the previous read ({@code fechamodificaini} =
 * the previous read's end minus {@code change-overlap}, {@code fechamodificafin} = now, in SERPI's zone), page by page
 * ({@code limite}/{@code pagina}, {@link PagedRead}: the next pages are asked for while the service works; every page
 * already answered is taken at once and saved as one batch). The first read after a start lists every article (no filter): it catches up what
 * changed while no instance read, and gives the catalog of SERPI's ids. Change detection against the article topic,
 * read back at the start of every read, publishes only what is new or changed. An answer that cannot be read keeps
 * the window: the next read asks for it again.
 */
final class ArticleFeed implements FeedSource {

    static final String CHANNEL = "articles";

    private final SerpiClient client;
    private final SerpiReads reads;
    private final KnownArticles known;
    private final SerpiCatalog catalog;
    private final SyncProperties properties;
    private final ZoneId zone;
    private final Clock clock;
    /** The read in progress (the kit calls a source from one thread). */
    private final PagedRead<JsonAnswer> pages;
    /** The last fetch, as read: its page is read once. */
    private SerpiReads.Fetched fetched;
    private LocalDateTime windowStart;
    private LocalDateTime windowEnd;
    private boolean unreadable;
    private final List<SerpiArticle> listed = new ArrayList<>();

    ArticleFeed(SerpiClient client, SerpiReads reads, KnownArticles known, SerpiCatalog catalog,
            SyncProperties properties, ZoneId zone, Clock clock) {
        this.client = client;
        this.reads = reads;
        this.known = known;
        this.catalog = catalog;
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
        this.pages = new PagedRead<>(this::articles, SerpiReads::items, properties.pageSize());
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public byte[] fetch() {
        if (pages.atStart()) {
            known.reload();
            windowEnd = LocalDateTime.now(clock.withZone(zone));
            listed.clear();
            unreadable = false;
        }
        fetched = SerpiReads.Fetched.of(pages.fetchReady(PagedRead.AHEAD));
        return fetched.bytes();
    }

    /** One page of this read's window: every article at the first read, the changes since the previous one after. */
    private Mono<JsonAnswer> articles(int pagina) {
        LocalDateTime from = windowStart == null ? null : windowStart.minus(properties.changeOverlap());
        return client.articles(properties.pageSize(), pagina, from, from == null ? null : windowEnd);
    }

    @Override
    public Page page(byte[] answer, Read read) {
        SerpiReads.Result result = reads.articles(CHANNEL, SerpiReads.Fetched.of(answer, fetched), read.id(), read.at(),
                listed);
        unreadable |= !result.readable();
        return new Page(result.records(), result.items(), result.lastItems() >= properties.pageSize());
    }

    @Override
    public void saved(Page saved) {
        known.saved(saved.records());
        if (!pages.saved(saved)) {
            return;
        }
        if (unreadable) {
            return;
        }
        if (windowStart == null) {
            catalog.listed(List.copyOf(listed));
        }
        windowStart = windowEnd;
    }
}
