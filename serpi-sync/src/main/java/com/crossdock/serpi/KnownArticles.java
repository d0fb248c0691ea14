package com.crossdock.serpi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.Outgoing;
import com.crossdock.platform.poller.PublishedRecords;

/**
 * The latest event of every article on the compacted topic {@code crossdock.article-upserted.v1}, whatever its
 * source: what SERPI's articles are compared with, so only a new or changed one is published (no private database,
 * DESIGN.md). Read back from Kafka at the start of every read of SERPI, so a restart, another instance taking the
 * lease, or another source's change are all seen; between two reads, what this service published is added.
 */
final class KnownArticles {

    private final PublishedRecords published;
    private final EventCodec codec;
    private final Map<String, ArticleUpserted> latest = new ConcurrentHashMap<>();

    KnownArticles(PublishedRecords published, EventCodec codec) {
        this.published = published;
        this.codec = codec;
    }

    /** Reads the topic from its beginning to its current end; fails (and the read with it) when it cannot. */
    synchronized void reload() {
        Map<String, ArticleUpserted> read = new ConcurrentHashMap<>();
        published.latest(Topics.ARTICLE_UPSERTED).forEach((code, record) ->
                read.put(code, codec.decode(record, ArticleUpserted.class)));
        latest.clear();
        latest.putAll(read);
    }

    /** The latest event of {@code code}; null when none. */
    ArticleUpserted latest(String code) {
        return latest.get(code);
    }

    /** What a page put in Kafka: the articles among its records are now the latest. */
    void saved(List<Outgoing> records) {
        for (Outgoing record : records) {
            if (record.event() instanceof ArticleUpserted article) {
                latest.put(article.getCode(), article);
            }
        }
    }

    /**
     * The articles whose latest event is this company's SERPI article, live (not deleted), published before
     * {@code before}, and whose code is not in {@code listed}: SERPI no longer lists them.
     */
    List<ArticleUpserted> serpiArticlesNotListed(Set<String> listed, String company, Instant before) {
        return latest.values().stream()
                .filter(article -> article.getEnvelope().getSourceSystem() == SourceSystem.SERPI
                        && article.getEnvelope().getTenant() != null
                        && company.equals(article.getEnvelope().getTenant().getOrganisation())
                        && !article.getDeleted() && article.getEnvelope().getPublishedAt().isBefore(before)
                        && !listed.contains(article.getCode()))
                .toList();
    }
}
