package com.crossdock.ingress;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.crossdock.ingress.prodsmart.SignatureEncoding;
import com.crossdock.ingress.prodsmart.SignatureVerifier.SignatureHeader;
import com.crossdock.platform.retry.Backoff;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ingress ({@code crossdock.ingress.*}); see the module README for each one. The Prodsmart company
 * itself (its code and time zone) is {@code crossdock.prodsmart.*}, {@code ProdsmartProperties}, shared with the
 * poller.
 *
 * @param maxBodyBytes the largest webhook body read; a larger one is refused with 413 while it is read
 * @param kafkaAckTimeout how long a webhook waits for the broker's acknowledgement before it is spooled
 * @param spoolDir where webhooks wait (fsync'd) while Kafka cannot take them; a persistent volume in production.
 *        The platform's spool ({@code crossdock.spool.*}) is pointed at it in ingress-webhooks.yml.
 */
@ConfigurationProperties("crossdock.ingress")
public record IngressProperties(
        @DefaultValue("1MB") DataSize maxBodyBytes,
        @DefaultValue("2s") Duration kafkaAckTimeout,
        @DefaultValue("data/ingress-spool") Path spoolDir,
        @DefaultValue Dedupe dedupe,
        @DefaultValue Prodsmart prodsmart) {

    /**
     * @param window how long a webhook uuid is remembered (and how far back the memory is rebuilt from Kafka);
     *        at least 24 hours, the longest a provider might plausibly deliver a webhook twice
     * @param maximumEntries a hard bound on the memory; past it the oldest uuids go first
     * @param retry the waits between rebuild attempts while Kafka cannot be read ({@code dedupe.retry.*}, see
     *        {@code Backoff}); each setting overrides only its component of a fixed 5 s, no jitter: fixed, because
     *        readiness waits for the rebuild and should come up soon after Kafka does. max-attempts must stay 0
     */
    public record Dedupe(
            @DefaultValue("25h") Duration window,
            @DefaultValue("1000000") long maximumEntries,
            Backoff retry) {

        static final Backoff RETRY_DEFAULTS = Backoff.fixed(Duration.ofSeconds(5));

        public Dedupe {
            retry = Objects.requireNonNullElse(retry, Backoff.UNSET).orElse(RETRY_DEFAULTS).validated();
            if (window.compareTo(Duration.ofHours(24)) < 0) {
                throw new IllegalArgumentException("crossdock.ingress.dedupe.window must be at least 24h, not " + window);
            }
        }
    }

    /**
     * @param webhookSecret the Prodsmart API secret the webhooks are signed with; from the environment
     *        ({@code CROSSDOCK_INGRESS_PRODSMART_WEBHOOK_SECRET}) or a mounted file, never from a committed file
     * @param maxClockSkew how far {@code x-prodsmart-triggered-at} may be from now, either way
     * @param signatureHeaders the headers read for a signature and the HMAC algorithm of each
     * @param signatureEncodings how a signature may be written
     */
    public record Prodsmart(
            String webhookSecret,
            @DefaultValue("5m") Duration maxClockSkew,
            List<SignatureHeader> signatureHeaders,
            @DefaultValue({"hex", "base64"}) Set<SignatureEncoding> signatureEncodings) {

        public Prodsmart {
            if (webhookSecret == null || webhookSecret.isBlank()) {
                throw new IllegalArgumentException("No Prodsmart webhook secret: set the environment variable "
                        + "CROSSDOCK_INGRESS_PRODSMART_WEBHOOK_SECRET (or property crossdock.ingress.prodsmart.webhook-secret) "
                        + "to the Prodsmart API secret; the ingress does not start without it");
            }
            if (signatureHeaders == null || signatureHeaders.isEmpty()) {
                signatureHeaders = List.of(new SignatureHeader(ProdsmartHeaders.HMAC_SHA256, "HmacSHA256"),
                        new SignatureHeader(ProdsmartHeaders.HMAC_SHA1, "HmacSHA1"));
            }
        }

        /** Never prints the secret (configuration dumps, failure analyses). */
        @Override
        public String toString() {
            return "Prodsmart[webhookSecret=<hidden>, maxClockSkew=" + maxClockSkew
                    + ", signatureHeaders=" + signatureHeaders + ", signatureEncodings=" + signatureEncodings + "]";
        }
    }
}
