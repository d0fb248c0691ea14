package com.crossdock.ingress.prodsmart;

import java.util.List;

import com.crossdock.platform.events.CanonicalEvent;

import com.crossdock.ingress.webhook.RawDelivery;
import com.crossdock.ingress.webhook.WebhookMapper;
import com.crossdock.vendor.prodsmart.InvalidPayloadException;
import com.crossdock.vendor.prodsmart.ProdsmartDates;
import com.crossdock.vendor.prodsmart.ProdsmartEventMapper;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import com.crossdock.vendor.prodsmart.ProdsmartPayloads;
import com.crossdock.vendor.prodsmart.RawWebhook;
import com.crossdock.vendor.prodsmart.WebhookTopic;

/**
 * A raw Prodsmart webhook to canonical events with Prodsmart's one mapping (vendor-prodsmart, shared with the
 * poller). Lots, material staging, punch clock, downtime and unknown topics are kept raw; the metrics name the
 * normalised topic ({@link WebhookTopic}), so a sender cannot invent tag values. A body or header that does not
 * fit throws {@link InvalidPayloadException}: permanent, the record goes to the mapper's dead letters.
 */
final class ProdsmartWebhookMapper implements WebhookMapper {

    private final ProdsmartPayloads payloads;
    private final ProdsmartEventMapper mapper;
    private final ProdsmartDates dates;

    ProdsmartWebhookMapper(ProdsmartPayloads payloads, ProdsmartEventMapper mapper, ProdsmartDates dates) {
        this.payloads = payloads;
        this.mapper = mapper;
        this.dates = dates;
    }

    @Override
    public Mapping map(RawDelivery delivery) {
        String triggeredAt = delivery.header(ProdsmartHeaders.TRIGGERED_AT);
        if (triggeredAt == null || triggeredAt.isBlank()) {
            throw new InvalidPayloadException(ProdsmartHeaders.TRIGGERED_AT, "the raw record has no such header");
        }
        RawWebhook webhook = new RawWebhook(delivery.eventType(), delivery.deliveryId(),
                RawWebhook.triggeredAt(triggeredAt, dates), delivery.correlationId(), delivery.body());
        WebhookTopic topic = WebhookTopic.of(webhook.topic());
        List<CanonicalEvent> events = mapper.map(webhook, topic, payloads.parse(topic, webhook.body()));
        return topic.mapped() ? Mapping.of(topic.name(), events) : Mapping.keptRaw(topic.name());
    }
}
