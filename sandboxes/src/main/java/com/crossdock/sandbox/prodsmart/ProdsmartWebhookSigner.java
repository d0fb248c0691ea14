package com.crossdock.sandbox.prodsmart;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhooks the way Prodsmart does (prodsmart-api.pl.txt, "Elementy webhook"): an HMAC over the raw
 * request body keyed with the API secret, plus the {@code x-prodsmart-*} headers.
 *
 * <p>The document contradicts itself: its header list names {@code x-prodsmart-hmac-sha256} (with a
 * 40-hex-digit example, which is SHA-1's length), while its verification steps name
 * {@code x-prodsmart-hmac-sha1}, base64-encoded. All three readings are supported, the document's example among
 * them ({@link Algorithm#HMAC_SHA1_HEX_IN_SHA256_HEADER}); {@link Algorithm} picks one.
 * Plain Java, no Spring, so any module's tests can sign a webhook.
 */
public final class ProdsmartWebhookSigner {

    public static final String TOPIC_HEADER = "x-prodsmart-topic";
    public static final String API_VERSION_HEADER = "x-prodsmart-api-version";
    public static final String WEBHOOK_UUID_HEADER = "x-prodsmart-webhook-uuid";
    public static final String TRIGGERED_AT_HEADER = "x-prodsmart-triggered-at";
    /** The only version the document shows. */
    public static final String API_VERSION = "1";

    /** As in the document's example {@code 2023-08-29T20:39:46.142Z}: UTC, milliseconds. */
    private static final DateTimeFormatter TRIGGERED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    /** The signature header, its HMAC and its encoding. */
    public enum Algorithm {
        /** {@code x-prodsmart-hmac-sha256}: HMAC-SHA256, lowercase hex, as the header's name says. */
        HMAC_SHA256_HEX("x-prodsmart-hmac-sha256", "HmacSHA256", true),
        /** {@code x-prodsmart-hmac-sha1}: HMAC-SHA1, base64, as the verification steps say. */
        HMAC_SHA1_BASE64("x-prodsmart-hmac-sha1", "HmacSHA1", false),
        /**
         * {@code x-prodsmart-hmac-sha256} holding an HMAC-SHA1 in lowercase hex, as the document's example shows it
         * ("Nagłówki webhook": {@code x-prodsmart-hmac-sha256: "c938fe31379c0d89b37468e1cae9e3aab2d56834"}, 40 hex
         * digits, a SHA-1's 20 bytes).
         */
        HMAC_SHA1_HEX_IN_SHA256_HEADER("x-prodsmart-hmac-sha256", "HmacSHA1", true);

        private final String headerName;
        private final String macName;
        private final boolean hex;

        Algorithm(String headerName, String macName, boolean hex) {
            this.headerName = headerName;
            this.macName = macName;
            this.hex = hex;
        }

        public String headerName() {
            return headerName;
        }

        String encode(byte[] mac) {
            return hex ? HexFormat.of().formatHex(mac) : Base64.getEncoder().encodeToString(mac);
        }
    }

    private final String apiSecret;
    private final Algorithm algorithm;

    public ProdsmartWebhookSigner(String apiSecret, Algorithm algorithm) {
        this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    /** The signature of {@code body} as the chosen header carries it. */
    public static String sign(Algorithm algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm.macName));
            return algorithm.encode(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.macName + " is not available in this JVM", e);
        }
    }

    public String sign(byte[] body) {
        return sign(algorithm, apiSecret, body);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** The full header set for a new delivery: a random webhook uuid, triggered now. */
    public Map<String, String> headers(String topic, byte[] body) {
        return headers(topic, body, UUID.randomUUID(), Instant.now());
    }

    /** The full header set, in the document's order, for the given delivery id and trigger time. */
    public Map<String, String> headers(String topic, byte[] body, UUID webhookUuid, Instant triggeredAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TOPIC_HEADER, topic);
        headers.put(algorithm.headerName(), sign(body));
        headers.put(API_VERSION_HEADER, API_VERSION);
        headers.put(WEBHOOK_UUID_HEADER, webhookUuid.toString());
        headers.put(TRIGGERED_AT_HEADER, TRIGGERED_AT.format(triggeredAt));
        return headers;
    }

    @Override
    public String toString() {
        // the secret is a credential: never in a log line
        return "ProdsmartWebhookSigner[algorithm=" + algorithm + ", apiSecret=***]";
    }
}
