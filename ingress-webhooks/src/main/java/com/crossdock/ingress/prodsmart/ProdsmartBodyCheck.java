package com.crossdock.ingress.prodsmart;

import java.util.Optional;

import com.crossdock.ingress.webhook.BodyCheck;
import com.crossdock.ingress.webhook.InvalidWebhookException;
import com.crossdock.vendor.prodsmart.InvalidPayloadException;
import com.crossdock.vendor.prodsmart.ProdsmartPayloads;
import com.crossdock.vendor.prodsmart.WebhookTopic;

/**
 * The edge runs the mapper's own parser (vendor-prodsmart's), so that what it accepts the mapper can read and a
 * body that does not fit its topic is refused, naming the field, before it is stored. The record key is the body's
 * {@code id} where it has one (a production order's), so that the webhooks about one order stay in order on one
 * partition.
 */
final class ProdsmartBodyCheck implements BodyCheck {

    private final ProdsmartPayloads payloads;

    ProdsmartBodyCheck(ProdsmartPayloads payloads) {
        this.payloads = payloads;
    }

    @Override
    public Optional<String> check(String eventType, byte[] body) {
        try {
            return payloads.parse(WebhookTopic.of(eventType), body).entityId();
        } catch (InvalidPayloadException e) {
            throw new InvalidWebhookException(e.field(), e.reason(), e.malformed());
        }
    }
}
