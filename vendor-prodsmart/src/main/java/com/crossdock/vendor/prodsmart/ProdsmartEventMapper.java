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
import tools.jackson.databind.JsonNode;

/**
 * Prodsmart to canonical events: the one mapping, for webhooks (the ingress) and for change-feed and list items
 * (the poller). Pure: a function of the payload and where it was read (plus the publishing clock in the
 * envelope). Every event carries the company as its tenant organisation. Event ids are derived from where the
 * fact was read, so a duplicate delivery, a spool re-send or a replay yields identical ids and consumers apply
 * each fact once: {@code prodsmart-webhook:<uuid>:<index>} for a webhook, {@link ItemContext#idSeed} for an item.
 */
public final class ProdsmartEventMapper {

    private final Envelopes envelopes;
    private final ProdsmartPayloads payloads;
    private final String company;

    public ProdsmartEventMapper(Envelopes envelopes, ProdsmartProperties prodsmart) {
        this.envelopes = envelopes;
        this.payloads = new ProdsmartPayloads(prodsmart.timeZone());
        this.company = prodsmart.company();
    }

    /** The events a webhook states; none for topics that are kept raw. */
    public List<CanonicalEvent> map(RawWebhook webhook, WebhookTopic topic, ProdsmartPayload payload) {
        if (payload instanceof ProductionOrder order) {
            ChangeAction action = ChangeAction.valueOf(topic.action().orElseThrow().name());
            return List.of(ProductionOrders.changed(order, action, envelope(webhook, order.id(), 0)));
        }
        if (payload instanceof Movements movements) {
            List<CanonicalEvent> events = new ArrayList<>();
            for (int i = 0; i < movements.movements().size(); i++) {
                Movement movement = movements.movements().get(i);
                // the document's movement example has no movement id: then the delivery is the source's only id for it
                String sourceId = movement.id() != null ? movement.id() : webhook.uuid() + ":" + i;
                events.add(StockMovements.changed(topic, movement, envelope(webhook, sourceId, i)));
            }
            return events;
        }
        if (payload instanceof Deleted deleted) {
            return List.of(StockMovements.deleted(topic, deleted, envelope(webhook, deleted.id(), 0)));
        }
        // Unmapped: lots, material staging, punch clock, downtime and unknown topics stay raw until needed
        return List.of();
    }

    /**
     * The events a change-feed or list item states (its current state).
     *
     * @throws InvalidPayloadException when the item does not fit its resource (the field at fault named)
     * @throws IllegalArgumentException for a channel type whose items are kept raw ({@link ChannelType#canonical()})
     */
    public List<CanonicalEvent> map(ChannelType type, JsonNode item, ItemContext context) {
        FeedItems.ItemEnvelopes envelope = (sourceId, part) -> envelopes.envelope(SourceSystem.PRODSMART, sourceId,
                context.readAt(), context.batchId(), context.idSeed(company, part), tenant());
        return switch (type) {
            case STOCK -> FeedItems.stock(item, envelope);
            case PRODUCT -> List.of(FeedItems.product(item, envelope));
            case PRODUCTION_ORDER -> {
                ProductionOrder order = payloads.productionOrder(item);
                yield List.of(ProductionOrders.changed(order, ProductionOrders.itemAction(order),
                        envelope.of(order.id(), "order")));
            }
            default -> throw new IllegalArgumentException(type + " items are kept raw: no canonical event states them");
        };
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
