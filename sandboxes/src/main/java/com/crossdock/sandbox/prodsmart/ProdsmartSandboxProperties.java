package com.crossdock.sandbox.prodsmart;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prodsmart sandbox's webhooks ({@code sandboxes.prodsmart.*}). They are signed with the company's API secret,
 * {@code sandboxes.prodsmart.api.secret} ({@link ProdsmartApiProperties}), as Prodsmart signs them.
 *
 * @param webhookTarget where {@code /prodsmart/_sandbox/webhooks/send} posts when the request names no target
 * @param signature     which of the document's two signature headers to send
 */
@ConfigurationProperties("sandboxes.prodsmart")
public record ProdsmartSandboxProperties(
        @DefaultValue("http://localhost:8080/webhooks/prodsmart") URI webhookTarget,
        @DefaultValue("HMAC_SHA256_HEX") ProdsmartWebhookSigner.Algorithm signature) {
}
