package com.crossdock.ingress.webhook;

import java.util.Map;

/** Each provider's edge by its name, the path segment of {@code POST /webhooks/<name>}. */
record WebhookIntakes(Map<String, WebhookIntake> byProvider) {

    WebhookIntakes {
        byProvider = Map.copyOf(byProvider);
    }
}
