package com.crossdock.serpi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.Page;
import com.crossdock.platform.vendor.client.JsonAnswer;
import com.crossdock.platform.poller.ReconciliationPass;
import com.crossdock.platform.poller.ReconciliationRun;
import com.crossdock.vendor.serpi.SerpiArticle;
import com.crossdock.vendor.serpi.SerpiEventMapper;

/**
 * The full pass, as the poller kit's reconciliation (on {@code reconciliation.cron}, hourly by default, and on
 * {@code POST /admin/serpi/reconciliation}): every article SERPI lists, without the change filter, so what a filter
 * missed is caught; after the last page, each article whose latest event is this company's live SERPI article and
 * that SERPI no longer lists is published deleted. Paged as the feeds are ({@link PagedRead}: the next page is asked
 * for while one is saved). A pass that does not reach its last page, or read an answer it
 * could not read, removes nothing.
 */
final class FullPass {

    static final String ARTICLES = "articles";

    private final SerpiClient client;
    private final SerpiReads reads;
    private final KnownArticles known;
    private final SerpiCatalog catalog;
    private final SerpiEventMapper mapper;
    private final SyncProperties properties;
    private final String company;
    private final Clock clock;
    private final List<SerpiArticle> listed = new ArrayList<>();
    private final PagedRead<JsonAnswer> pages;
    private boolean unreadable;

    FullPass(SerpiClient client, SerpiReads reads, KnownArticles known, SerpiCatalog catalog, SerpiEventMapper mapper,
            SyncProperties properties, String company, Clock clock) {
        this.client = client;
        this.reads = reads;
        this.known = known;
        this.catalog = catalog;
        this.mapper = mapper;
        this.properties = properties;
        this.company = company;
        this.clock = clock;
        this.pages = new PagedRead<>(pagina -> client.articles(properties.pageSize(), pagina, null, null), SerpiReads::items,
                properties.pageSize());
    }

    List<ReconciliationPass> passes() {
        return List.of(ReconciliationPass.of(ARTICLES, this::articles));
    }

    private Page articles(int page, ReconciliationRun run) {
        if (page == 1) {
            known.reload();
            listed.clear();
            unreadable = false;
        }
        SerpiReads.Fetched answer = SerpiReads.Fetched.of(List.of(pages.fetch(page)));
        SerpiReads.Result result = reads.articles("full-pass", answer, run.id() + ":" + page, clock.instant(), listed);
        unreadable |= !result.readable();
        run.count("article", result.items());
        Page read = Page.of(result.records(), result.items(), properties.pageSize());
        if (read.full() || unreadable) {
            // the kit saves this page before it asks for the next: that one is on its way meanwhile (PagedRead)
            return read;
        }
        catalog.listed(List.copyOf(listed));
        List<Outgoing> records = new ArrayList<>(read.records());
        for (ArticleUpserted gone : known.serpiArticlesNotListed(SerpiReads.codes(listed), company, run.startedAt())) {
            records.add(Outgoing.event(mapper.removed(gone, run.id(), clock.instant())));
            run.count("article-removed", gone.getCode());
        }
        return new Page(records, read.items(), false);
    }
}
