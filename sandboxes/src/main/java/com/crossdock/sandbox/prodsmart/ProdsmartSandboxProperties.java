package com.crossdock.sandbox.prodsmart;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prodsmart sandbox ({@code sandboxes.prodsmart.*}).
 *
 * @param apiSecret     the API secret webhooks are signed with (the receiver must be configured with the same)
 * @param webhookTarget where {@code /prodsmart/_sandbox/webhooks/send} posts when the request names no target
 * @param signature     which of the document's two signature headers to send
 */
@ConfigurationProperties("sandboxes.prodsmart")
public record ProdsmartSandboxProperties(
        @DefaultValue("prodsmart-demo-secret") String apiSecret,
        @DefaultValue("http://localhost:8080/webhooks/prodsmart") URI webhookTarget,
        @DefaultValue("HMAC_SHA256_HEX") ProdsmartWebhookSigner.Algorithm signature) {

    @Override
    public String toString() {
        // the secret is a credential: never in a log line
        return "ProdsmartSandboxProperties[apiSecret=***, webhookTarget=" + webhookTarget
                + ", signature=" + signature + "]";
    }
}
