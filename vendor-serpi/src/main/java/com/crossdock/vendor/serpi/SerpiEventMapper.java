package com.crossdock.vendor.serpi;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.crossdock.events.ArticleUpserted;
import com.crossdock.events.Envelope;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.StockChangeKind;
import com.crossdock.events.StockChanged;
import com.crossdock.events.TenantScope;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.platform.kafka.Topics;

/**
 * SERPI's one canonical mapping, inbound: an article of {@code GET Articulo} to {@code ArticleUpserted}, a balance
 * of {@code GET SaldoInventario} to a {@code StockChanged} LEVEL.
 *
 * <p>SERPI is the master of the article facts it holds (description, cost, unit, minimum and multiple order
 * quantity, replenishment days, active); the facts it does not hold (material type, and anything another source
 * set) are carried over from the latest event of the article on the topic, so that publishing SERPI's version
 * never erases another source's facts. An article is published only when that merge differs from the latest
 * event: change detection against the compacted topic, no private database.
 */
public final class SerpiEventMapper {

    /** SERPI's id of the article ({@code id}): also the envelope's sourceId; a PUT needs it. */
    public static final String ATTRIBUTE_ID = "serpi.id";
    public static final String ATTRIBUTE_REFERENCE = "serpi.reference";
    public static final String ATTRIBUTE_BARCODE = "serpi.barcode";
    /** {@code activo}: "true" or "false"; a deactivated article is still an article (not deleted). */
    public static final String ATTRIBUTE_ACTIVE = "active";

    private final Envelopes envelopes;
    private final SerpiProperties company;
    private final SerpiMapping mapping;

    public SerpiEventMapper(Envelopes envelopes, SerpiProperties company, SerpiMapping mapping) {
        this.envelopes = envelopes;
        this.company = company;
        this.mapping = mapping;
    }

    /**
     * The article's event when it is new or changed against {@code latest} (the latest event of its code on the
     * topic, any source; null when there is none); empty when publishing it would state nothing new.
     *
     * @param readId the read's id, from which the event id derives (the same read gives the same ids)
     * @param readAt when SERPI answered: the fact's time (SERPI's answer carries no modification time)
     */
    public Optional<CanonicalEvent> changed(SerpiArticle article, ArticleUpserted latest, String readId,
            Instant readAt) {
        ArticleUpserted candidate = article(article, latest, readId, readAt);
        return latest != null && sameFacts(candidate, latest) ? Optional.empty()
                : Optional.of(new CanonicalEvent(Topics.ARTICLE_UPSERTED, article.codigo(), candidate));
    }

    /** SERPI's article laid over {@code latest} (null: over nothing). */
    public ArticleUpserted article(SerpiArticle article, ArticleUpserted latest, String readId, Instant readAt) {
        ArticleUpserted.Builder event = latest == null ? ArticleUpserted.newBuilder().setCode(article.codigo())
                : ArticleUpserted.newBuilder(latest);
        Map<String, String> attributes = new HashMap<>(latest == null ? Map.of() : latest.getAttributes());
        attributes.put(ATTRIBUTE_ID, Integer.toString(article.id()));
        // "activo bool: Estado del artículo (true=Activo, false=Inactivo)": inactive is stated, never a deletion
        attributes.put(ATTRIBUTE_ACTIVE, Boolean.toString(article.activo()));
        putOrRemove(attributes, ATTRIBUTE_REFERENCE, article.referencia());
        putOrRemove(attributes, ATTRIBUTE_BARCODE, article.barras());
        return event
                .setEnvelope(envelope(Integer.toString(article.id()), readAt, readId,
                        "serpi-article:" + company.company() + ":" + readId + ":" + article.codigo()))
                .setCode(article.codigo())
                .setDescription(article.descripcion())
                .setDeleted(false)
                // a SERPI unit id no entry of crossdock.serpi.mapping.units names keeps the unit already known
                .setUnitOfMeasure(Optional.ofNullable(article.idunidadmedida()).flatMap(mapping::unitOf)
                        .orElse(latest == null ? null : latest.getUnitOfMeasure()))
                .setCurrency(article.costo() == null ? null : company.currency())
                .setUnitCost(article.costo())
                .setMinimumOrderQuantity(article.pedidoMinimo())
                .setMultipleOrderQuantity(article.multiploCompra())
                .setSupplyLeadTimeDays(article.diasReposicion())
                .setAttributes(Map.copyOf(attributes))
                .build();
    }

    /**
     * The removal of an article SERPI no longer lists, after a full pass: its last state, deleted. It occurred at
     * {@code at}: SERPI does not say when it went, only that the pass did not find it.
     */
    public CanonicalEvent removed(ArticleUpserted last, String runId, Instant at) {
        ArticleUpserted removed = ArticleUpserted.newBuilder(last)
                .setEnvelope(envelope(last.getEnvelope().getSourceId(), at, runId,
                        "serpi-removed:" + company.company() + ":" + runId + ":" + last.getCode()))
                .setDeleted(true)
                .build();
        return new CanonicalEvent(Topics.ARTICLE_UPSERTED, last.getCode(), removed);
    }

    /**
     * The level of {@code stock} at its warehouse's location ({@link SerpiProperties#warehouses()}); empty for a
     * warehouse that is not mapped. The warehouse is the event's {@code warehouse}, a detail.
     */
    public Optional<CanonicalEvent> level(SerpiStock stock, String readId, Instant readAt) {
        return company.location(stock.idBodega()).map(location -> new CanonicalEvent(Topics.STOCK_CHANGED,
                Topics.stockKey(stock.codigo(), location), StockChanged.newBuilder()
                        .setEnvelope(envelope(stock.codigo() + "@" + stock.idBodega(), readAt, readId,
                                "serpi-stock:" + company.company() + ":" + readId + ":" + stock.codigo() + ":"
                                        + stock.idBodega()))
                        .setKind(StockChangeKind.LEVEL)
                        .setProductCode(stock.codigo())
                        .setLocation(location)
                        .setWarehouse(stock.idBodega())
                        .setQuantity(stock.saldo())
                        .build()));
    }

    /** Whether two events of one article state the same facts (their envelopes aside). */
    public static boolean sameFacts(ArticleUpserted a, ArticleUpserted b) {
        return ArticleUpserted.newBuilder(a).setEnvelope(b.getEnvelope()).build().equals(b);
    }

    private Envelope envelope(String sourceId, Instant occurredAt, String correlationId, String idSeed) {
        return envelopes.envelope(SourceSystem.SERPI, sourceId, occurredAt, correlationId, idSeed,
                TenantScope.newBuilder().setOrganisation(company.company()).setLocation(null).build());
    }

    private static void putOrRemove(Map<String, String> attributes, String key, String value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
    }
}
