package com.crossdock.ingress.optimakers;

import com.crossdock.platform.config.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Optimakers webhook's settings ({@code crossdock.ingress.optimakers.*}). {@code POST /webhooks/optimakers} is
 * served only when the token is set.
 *
 * @param token the webhook's "Token bezpieczeństwa" ("Ustawienia => Webhooki", optimakers-baselinker-integration.pl.txt),
 *              sent in each webhook's body, its only security; from the environment
 *              ({@code CROSSDOCK_INGRESS_OPTIMAKERS_TOKEN}) or a mounted file, never from a committed file
 */
@ConfigurationProperties("crossdock.ingress.optimakers")
public record OptimakersWebhookProperties(Secret token) {

    public OptimakersWebhookProperties {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("No Optimakers webhook token: set the environment variable "
                    + "CROSSDOCK_INGRESS_OPTIMAKERS_TOKEN (or property crossdock.ingress.optimakers.token)");
        }
    }
}
