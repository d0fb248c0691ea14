package com.crossdock.poller;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.ChangeAction;
import com.crossdock.events.Envelope;
import com.crossdock.events.ProductionOrderChanged;
import com.crossdock.events.SourceSystem;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.EventCodec;
import com.crossdock.platform.kafka.Topics;
import com.crossdock.platform.poller.PublishedRecords;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What this company's Prodsmart data still shows as live on the compacted canonical topics, and the events that
 * remove it once Prodsmart no longer lists it: a product removed, a production order deleted, while the 24-hour
 * change feed was not read ("zmian wprowadzonych w ciągu ostatnich 24 godzin", prodsmart-api.pl.txt). It reads back
 * what was published (no private database, DESIGN.md): the latest event of each key whose source is Prodsmart and
 * whose tenant is this company.
 */
final class Removals {

    private final PublishedRecords published;
    private final EventCodec codec;
    private final Envelopes envelopes;
    private final String company;
    private final Clock clock;

    Removals(PublishedRecords published, EventCodec codec, Envelopes envelopes, String company, Clock clock) {
        this.published = published;
        this.codec = codec;
        this.envelopes = envelopes;
        this.company = company;
        this.clock = clock;
    }

    /** The company's products published as not deleted before {@code before}, whose code is not in {@code listed}. */
    List<ArticleUpserted> articlesNotListed(Set<String> listed, Instant before) {
        return live(Topics.ARTICLE_UPSERTED, ArticleUpserted.class, ArticleUpserted::getEnvelope,
                article -> !article.getDeleted() && !listed.contains(article.getCode()), before);
    }

    /**
     * The company's production orders published as open (not deleted, active, not ended) before {@code before}, whose
     * id is not in {@code listed}.
     */
    List<ProductionOrderChanged> openOrdersNotListed(Set<String> listed, Instant before) {
        return live(Topics.PRODUCTION_ORDER_CHANGED, ProductionOrderChanged.class, ProductionOrderChanged::getEnvelope,
                order -> order.getAction() != ChangeAction.DELETED && order.getActive() && !order.getEnded()
                        && !listed.contains(order.getOrderId()), before);
    }

    /** The product's removal: its last published state, deleted, as the feed's {@code product_remove} states it. */
    CanonicalEvent articleRemoved(ArticleUpserted last, String runId) {
        ArticleUpserted removed = ArticleUpserted.newBuilder(last)
                .setEnvelope(envelope(last.getEnvelope(), runId, "article:" + last.getCode()))
                .setDeleted(true)
                .build();
        return new CanonicalEvent(Topics.ARTICLE_UPSERTED, last.getCode(), removed);
    }

    /** The order's deletion: its last published state, DELETED and inactive, as the feed states a deleted order. */
    CanonicalEvent orderDeleted(ProductionOrderChanged last, String runId) {
        ProductionOrderChanged deleted = ProductionOrderChanged.newBuilder(last)
                .setEnvelope(envelope(last.getEnvelope(), runId, "order:" + last.getOrderId()))
                .setAction(ChangeAction.DELETED)
                .setActive(false)
                .build();
        return new CanonicalEvent(Topics.PRODUCTION_ORDER_CHANGED, last.getOrderId(), deleted);
    }

    /**
     * Occurred now: Prodsmart does not say when the thing went, only that it is gone as of this read, which is after
     * every state published before the run.
     */
    private Envelope envelope(Envelope last, String runId, String part) {
        return envelopes.envelope(SourceSystem.PRODSMART, last.getSourceId(), clock.instant(), runId,
                "prodsmart-reconcile:" + company + ":" + runId + ":removed:" + part, last.getTenant());
    }

    /**
     * The latest events of {@code topic} that are this company's Prodsmart facts, published before {@code before} (a
     * change the feed published while the run read its lists is not the run's to judge), and that {@code candidate}
     * accepts.
     */
    private <T extends SpecificRecord> List<T> live(String topic, Class<T> type, Function<T, Envelope> envelope,
            Predicate<T> candidate, Instant before) {
        List<T> found = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : published.latest(topic).values()) {
            T event = codec.decode(record, type);
            Envelope about = envelope.apply(event);
            if (about.getSourceSystem() == SourceSystem.PRODSMART && about.getTenant() != null
                    && company.equals(about.getTenant().getOrganisation())
                    && about.getPublishedAt().isBefore(before) && candidate.test(event)) {
                found.add(event);
            }
        }
        return found;
    }
}
