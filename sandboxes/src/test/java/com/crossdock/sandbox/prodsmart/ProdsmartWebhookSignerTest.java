package com.crossdock.sandbox.prodsmart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner.Algorithm;
import org.junit.jupiter.api.Test;

class ProdsmartWebhookSignerTest {

    private static final byte[] RFC_DATA = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final String SECRET = "prodsmart-demo-secret";
    private static final byte[] BODY = "{\"id\":1,\"code\":\"Test Production Order\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsSha256AsLowercaseHexMatchingRfc4231() {
        // RFC 4231, test case 2: key "Jefe"
        assertThat(ProdsmartWebhookSigner.sign(Algorithm.HMAC_SHA256_HEX, "Jefe", RFC_DATA))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signsSha1AsBase64MatchingRfc2202() {
        // RFC 2202, test case 2: key "Jefe", digest effcdf6ae5eb2fa2d27416d5f184df9c259a7c79
        String expected = Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));

        assertThat(ProdsmartWebhookSigner.sign(Algorithm.HMAC_SHA1_BASE64, "Jefe", RFC_DATA)).isEqualTo(expected);
    }

    @Test
    void signsTheRawBodyWithTheApiSecretAsJavaxCryptoDoes() throws Exception {
        Mac sha256 = Mac.getInstance("HmacSHA256");
        sha256.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Mac sha1 = Mac.getInstance("HmacSHA1");
        sha1.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));

        assertThat(new ProdsmartWebhookSigner(SECRET, Algorithm.HMAC_SHA256_HEX).sign(BODY))
                .isEqualTo(HexFormat.of().formatHex(sha256.doFinal(BODY)));
        assertThat(new ProdsmartWebhookSigner(SECRET, Algorithm.HMAC_SHA1_BASE64).sign(BODY))
                .isEqualTo(Base64.getEncoder().encodeToString(sha1.doFinal(BODY)));
    }

    @Test
    void signsAsTheDocumentsExampleShowsIt() {
        // "Nagłówki webhook": x-prodsmart-hmac-sha256: "c938fe31379c0d89b37468e1cae9e3aab2d56834", 40 hex digits: a SHA-1
        ProdsmartWebhookSigner signer = new ProdsmartWebhookSigner("Jefe", Algorithm.HMAC_SHA1_HEX_IN_SHA256_HEADER);

        assertThat(signer.sign(RFC_DATA)).isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
                .hasSameSizeAs("c938fe31379c0d89b37468e1cae9e3aab2d56834");
        assertThat(signer.headers("productionOrder/create", RFC_DATA))
                .containsEntry("x-prodsmart-hmac-sha256", signer.sign(RFC_DATA))
                .doesNotContainKey("x-prodsmart-hmac-sha1");
    }

    @Test
    void givesATamperedBodyADifferentSignature() {
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 2] = 'X';

        for (Algorithm algorithm : Algorithm.values()) {
            assertThat(ProdsmartWebhookSigner.sign(algorithm, SECRET, tampered))
                    .isNotEqualTo(ProdsmartWebhookSigner.sign(algorithm, SECRET, BODY));
        }
    }

    @Test
    void givesAnotherSecretADifferentSignature() {
        assertThat(ProdsmartWebhookSigner.sign(Algorithm.HMAC_SHA256_HEX, "other-secret", BODY))
                .isNotEqualTo(ProdsmartWebhookSigner.sign(Algorithm.HMAC_SHA256_HEX, SECRET, BODY));
    }

    @Test
    void buildsTheDocumentsHeaderSetInItsOrder() {
        UUID uuid = UUID.fromString("91cb972d-b476-4936-947c-4be471b9da5b");
        Instant triggeredAt = Instant.parse("2023-08-29T20:39:46.142Z");
        ProdsmartWebhookSigner signer = new ProdsmartWebhookSigner(SECRET, Algorithm.HMAC_SHA256_HEX);

        assertThat(signer.headers("productionOrder/create", BODY, uuid, triggeredAt)).containsExactly(
                entry("x-prodsmart-topic", "productionOrder/create"),
                entry("x-prodsmart-hmac-sha256", signer.sign(BODY)),
                entry("x-prodsmart-api-version", "1"),
                entry("x-prodsmart-webhook-uuid", "91cb972d-b476-4936-947c-4be471b9da5b"),
                entry("x-prodsmart-triggered-at", "2023-08-29T20:39:46.142Z"));
    }

    @Test
    void sendsTheSha1HeaderWhenConfiguredForIt() {
        ProdsmartWebhookSigner signer = new ProdsmartWebhookSigner(SECRET, Algorithm.HMAC_SHA1_BASE64);

        assertThat(signer.headers("punchClock_created", BODY))
                .containsEntry("x-prodsmart-hmac-sha1", signer.sign(BODY))
                .doesNotContainKey("x-prodsmart-hmac-sha256")
                .containsKeys("x-prodsmart-webhook-uuid", "x-prodsmart-triggered-at");
    }

    @Test
    void writesTriggeredAtWithMillisecondsEvenOnAWholeSecond() {
        ProdsmartWebhookSigner signer = new ProdsmartWebhookSigner(SECRET, Algorithm.HMAC_SHA256_HEX);

        assertThat(signer.headers("t", BODY, UUID.randomUUID(), Instant.parse("2024-01-01T00:00:00Z")))
                .containsEntry("x-prodsmart-triggered-at", "2024-01-01T00:00:00.000Z");
    }

    @Test
    void neverShowsTheSecretInItsStringForm() {
        assertThat(new ProdsmartWebhookSigner(SECRET, Algorithm.HMAC_SHA256_HEX).toString()).doesNotContain(SECRET);
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
