package com.crossdock.sandbox.prodsmart;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prodsmart sandbox's webhooks ({@code sandboxes.prodsmart.*}). They are signed with the company's API secret,
 * {@code sandboxes.prodsmart.api.secret} ({@link ProdsmartApiProperties}), as Prodsmart signs them.
 *
 * @param webhookTarget where {@code /prodsmart/_sandbox/webhooks/send} posts when the request names no target
 * @param signature     how to sign: by default as the document's example does (an HMAC-SHA1 in hex in
 *                      {@code x-prodsmart-hmac-sha256}), or as its header name or its verification steps say
 */
@ConfigurationProperties("sandboxes.prodsmart")
public record ProdsmartSandboxProperties(
        @DefaultValue("http://localhost:8080/webhooks/prodsmart") URI webhookTarget,
        @DefaultValue("HMAC_SHA1_HEX_IN_SHA256_HEADER") ProdsmartWebhookSigner.Algorithm signature) {
}
