package com.crossdock.ingress.prodsmart;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.crossdock.ingress.webhook.SignatureEncoding;
import com.crossdock.ingress.webhook.SignatureHeader;
import com.crossdock.platform.config.Secret;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Prodsmart webhook's settings ({@code crossdock.ingress.prodsmart.*}). The Prodsmart company itself (its code
 * and time zone) is {@code crossdock.prodsmart.*}, {@code ProdsmartProperties}, shared with the poller.
 *
 * @param webhookSecret the Prodsmart API secret the webhooks are signed with; from the environment
 *        ({@code CROSSDOCK_INGRESS_PRODSMART_WEBHOOK_SECRET}) or a mounted file, never from a committed file
 * @param maxClockSkew how far {@code x-prodsmart-triggered-at} may be from now, either way
 * @param signatureHeaders the headers read for a signature: {@code name}, {@code algorithms} (JCA names, e.g.
 *        {@code HmacSHA1,HmacSHA256}: the one whose length the decoded digest has is used) and an optional
 *        {@code prefix} before the digest; default {@code x-prodsmart-hmac-sha256} and {@code x-prodsmart-hmac-sha1},
 *        each with both algorithms: the document's example puts an HMAC-SHA1 (40 hex digits) in the sha256 header
 *        (prodsmart-api.pl.txt, "Nagłówki webhook", "Jak zweryfikować element webhook?")
 * @param signatureEncodings how a signature may be written
 */
@ConfigurationProperties("crossdock.ingress.prodsmart")
public record ProdsmartWebhookProperties(
        Secret webhookSecret,
        @DefaultValue("5m") Duration maxClockSkew,
        List<SignatureHeader> signatureHeaders,
        @DefaultValue({"hex", "base64"}) Set<SignatureEncoding> signatureEncodings) {

    public ProdsmartWebhookProperties {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("No Prodsmart webhook secret: set the environment variable "
                    + "CROSSDOCK_INGRESS_PRODSMART_WEBHOOK_SECRET (or property crossdock.ingress.prodsmart.webhook-secret) "
                    + "to the Prodsmart API secret; the ingress does not start without it");
        }
        if (signatureHeaders == null || signatureHeaders.isEmpty()) {
            signatureHeaders = List.of(SignatureHeader.of(ProdsmartHeaders.HMAC_SHA256, "HmacSHA1", "HmacSHA256"),
                    SignatureHeader.of(ProdsmartHeaders.HMAC_SHA1, "HmacSHA1", "HmacSHA256"));
        }
    }
}
