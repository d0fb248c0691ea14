package com.crossdock.sandbox.prodsmart;

import java.net.URI;
import java.util.UUID;

/**
 * The outcome of one webhook the sandbox sent.
 *
 * @param status       the HTTP status the target answered
 * @param responseBody the target's answer body, empty when it sent none
 */
public record WebhookDelivery(URI target, String topic, UUID webhookUuid, String signatureHeader, int status,
                              String responseBody) {
}
