package com.crossdock.vendor.prodsmart;

import java.util.ArrayList;
import java.util.List;

import com.crossdock.events.ChangeAction;
import com.crossdock.events.Envelope;
import com.crossdock.events.SourceSystem;
import com.crossdock.events.TenantScope;
import com.crossdock.platform.events.CanonicalEvent;
import com.crossdock.platform.events.Envelopes;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.Deleted;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.Movement;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.Movements;
import com.crossdock.vendor.prodsmart.ProdsmartPayload.ProductionOrder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Prodsmart to canonical events: the one mapping, for webhooks (the ingress) and for change-feed, list and
 * reconciliation items (the poller). Pure but for a counter: a function of the payload and where it was read
 * (plus the publishing clock in the envelope). Every event carries the company as its tenant organisation and the
 * company's one stock-keeping location ({@link ProdsmartProperties#location()}). Event ids are derived from where
 * the fact was read, so a duplicate delivery, a spool re-send or a replay yields identical ids and consumers apply
 * each fact once: {@code prodsmart-webhook:<uuid>:<index>} for a webhook, {@link ItemContext#idSeed} for an item.
 * <p>
 * {@code envelope.occurredAt} is the time of the fact at Prodsmart, by which consumers order facts: a webhook's
 * {@code x-prodsmart-triggered-at}; for an item the time it was read ({@link ItemContext#readAt()}), because an
 * item carries its current state and the document gives it no change time of its own ("Kanały źródła danych
 * zmian": "szyk z bieżącym stanem elementów"; the STOCK, PRODUCTS and PRODUCTION_ORDERS examples have no such
 * field). A movement's own {@code date} goes to {@code movement.date}.
 * <p>
 * A quantity with more than 6 decimals is rounded to the schemas' scale (see {@link JsonField#decimal()}): each
 * rounded field is logged and counted in {@value #ROUNDED}{source=webhook|feed|reconcile}.
 */
public final class ProdsmartEventMapper {

    /** Quantities rounded to the schemas' 6 decimals, per field. */
    public static final String ROUNDED = "crossdock.prodsmart.mapping.rounded";

    private static final Logger log = LoggerFactory.getLogger(ProdsmartEventMapper.class);

    private final Envelopes envelopes;
    private final ProdsmartPayloads payloads;
    private final String company;
    private final String location;
    private final MeterRegistry meters;

    /** Counts into Micrometer's global registry, which Spring Boot joins to the application's. */
    public ProdsmartEventMapper(Envelopes envelopes, ProdsmartProperties prodsmart) {
        this(envelopes, prodsmart, Metrics.globalRegistry);
    }

    public ProdsmartEventMapper(Envelopes envelopes, ProdsmartProperties prodsmart, MeterRegistry meters) {
        this.envelopes = envelopes;
        this.payloads = new ProdsmartPayloads(prodsmart.dates());
        this.company = prodsmart.company();
        this.location = prodsmart.location();
        this.meters = meters;
    }

    /** The events a webhook states; none for topics that are kept raw. */
    public List<CanonicalEvent> map(RawWebhook webhook, WebhookTopic topic, ProdsmartPayload payload) {
        noteRounded("webhook", webhook.uuid(), payload.rounded());
        if (payload instanceof ProductionOrder order) {
            ChangeAction action = ChangeAction.valueOf(topic.action().orElseThrow().name());
            return List.of(ProductionOrders.changed(order, action, envelope(webhook, order.id(), 0), location));
        }
        if (payload instanceof Movements movements) {
            List<CanonicalEvent> events = new ArrayList<>();
            for (int i = 0; i < movements.movements().size(); i++) {
                Movement movement = movements.movements().get(i);
                // the document's movement example has no movement id: then the delivery is the source's only id for it
                String sourceId = movement.id() != null ? movement.id() : webhook.uuid() + ":" + i;
                events.add(StockMovements.changed(topic, movement, envelope(webhook, sourceId, i), location));
            }
            return events;
        }
        if (payload instanceof Deleted deleted) {
            return List.of(StockMovements.deleted(topic, deleted, envelope(webhook, deleted.id(), 0), location));
        }
        // Unmapped: lots, material staging, punch clock, downtime and unknown topics stay raw until needed
        return List.of();
    }

    /**
     * The events a change-feed, list or reconciliation item states (its current state as of
     * {@link ItemContext#readAt()}).
     *
     * @throws InvalidPayloadException when the item does not fit its resource (the field at fault named)
     * @throws IllegalArgumentException for a channel type whose items are kept raw ({@link ChannelType#canonical()})
     */
    public List<CanonicalEvent> map(ChannelType type, JsonNode item, ItemContext context) {
        FeedItems.ItemEnvelopes envelope = (sourceId, part) -> envelopes.envelope(SourceSystem.PRODSMART, sourceId,
                context.readAt(), context.batchId(), context.idSeed(company, part), tenant());
        FeedItems.Mapped mapped = switch (type) {
            case STOCK -> FeedItems.stock(item, envelope, location);
            case PRODUCT -> FeedItems.product(item, envelope);
            case PRODUCTION_ORDER -> {
                ProductionOrder order = payloads.productionOrder(item);
                yield new FeedItems.Mapped(List.of(ProductionOrders.changed(order, ProductionOrders.itemAction(order),
                        envelope.of(order.id(), "order"), location)), order.rounded());
            }
            default -> throw new IllegalArgumentException(type + " items are kept raw: no canonical event states them");
        };
        noteRounded(context.origin().startsWith("feed") ? "feed" : context.origin(), context.batchId(), mapped.rounded());
        return mapped.events();
    }

    private void noteRounded(String source, String readId, List<String> fields) {
        if (!fields.isEmpty()) {
            log.warn("Prodsmart {} {}: {} rounded to 6 decimals (the schemas' scale)", source, readId, fields);
            meters.counter(ROUNDED, "source", source).increment(fields.size());
        }
    }

    private Envelope envelope(RawWebhook webhook, String sourceId, int index) {
        return envelopes.envelope(SourceSystem.PRODSMART, sourceId, webhook.triggeredAt(), webhook.correlationId(),
                "prodsmart-webhook:" + webhook.uuid() + ":" + index, tenant());
    }

    /** The company is the tenant of every Prodsmart event, read from a webhook or from a feed (DESIGN.md). */
    private TenantScope tenant() {
        return new TenantScope(company, null);
    }
}
