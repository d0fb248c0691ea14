package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.crossdock.ingress.webhook.WebhookAuthentication.Outcome;
import com.crossdock.platform.config.Secret;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner.Algorithm;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vectors: RFC 4231 test case 2 (HMAC-SHA256) and RFC 2202 test case 2 (HMAC-SHA1), key "Jefe". */
class HmacSignatureTest {

    private static final String SECRET = "Jefe";
    private static final byte[] BODY = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA256_HEX = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    private static final String SHA256_BASE64 = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=";
    private static final String SHA1_HEX = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";
    private static final String SHA1_BASE64 = "7/zfauXrL6LSdBbV8YTfnCWafHk=";
    /** As Prodsmart's default: either header, either HMAC (chosen by the digest's length). */
    private static final List<SignatureHeader> BOTH = List.of(
            SignatureHeader.of(ProdsmartHeaders.HMAC_SHA256, "HmacSHA1", "HmacSHA256"),
            SignatureHeader.of(ProdsmartHeaders.HMAC_SHA1, "HmacSHA1", "HmacSHA256"));

    private final HmacSignature verifier = new HmacSignature(Secret.of(SECRET), BOTH,
            Set.of(SignatureEncoding.HEX, SignatureEncoding.BASE64));

    @Test
    void acceptsSha256HeaderInHexAndBase64() {
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA256, SHA256_HEX, BODY)).isEqualTo(Outcome.VERIFIED);
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA256, SHA256_HEX.toUpperCase(), BODY))
                .isEqualTo(Outcome.VERIFIED);
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA256, SHA256_BASE64, BODY)).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void acceptsSha1HeaderInBase64AndHex() {
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA1, SHA1_BASE64, BODY)).isEqualTo(Outcome.VERIFIED);
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA1, SHA1_HEX, BODY)).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void acceptsHeaderValueQuotedAsTheDocumentPrintsIt() {
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA256, "\"" + SHA256_HEX + "\"", BODY))
                .isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void readsADigestAfterItsConfiguredPrefixOnly() {
        HmacSignature prefixed = new HmacSignature(Secret.of(SECRET),
                List.of(new SignatureHeader("X-Hub-Signature-256", List.of("HmacSHA256"), "sha256=")),
                Set.of(SignatureEncoding.HEX));

        assertThat(outcome(prefixed, "x-hub-signature-256", "sha256=" + SHA256_HEX, BODY))
                .isEqualTo(Outcome.VERIFIED);
        assertThat(outcome(prefixed, "x-hub-signature-256", SHA256_HEX, BODY))
                .isEqualTo(Outcome.INVALID);
        assertThat(outcome(prefixed, "x-hub-signature-256", "sha1=" + SHA256_HEX, BODY))
                .isEqualTo(Outcome.INVALID);
        assertThat(prefixed.carries("x-hub-signature-256")).isTrue();
    }

    @Test
    void verifiesAgainAndAgainWithTheMacsItKeepsPerThread() {
        for (int i = 0; i < 3; i++) {
            assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA1, SHA1_BASE64, BODY))
                    .isEqualTo(Outcome.VERIFIED);
            byte[] other = "other".getBytes(StandardCharsets.US_ASCII);
            assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA1, SHA1_HEX, other)).isEqualTo(Outcome.INVALID);
        }
    }

    @Test
    void rejectsTamperedBody() {
        byte[] tampered = "what do ya want for nothing!".getBytes(StandardCharsets.US_ASCII);

        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA256, SHA256_HEX, tampered)).isEqualTo(Outcome.INVALID);
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA1, SHA1_BASE64, tampered)).isEqualTo(Outcome.INVALID);
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        HmacSignature other = new HmacSignature(Secret.of("not-jefe"), BOTH,
                Set.of(SignatureEncoding.HEX, SignatureEncoding.BASE64));

        assertThat(outcome(other, ProdsmartHeaders.HMAC_SHA256, SHA256_HEX, BODY)).isEqualTo(Outcome.INVALID);
        assertThat(outcome(other, ProdsmartHeaders.HMAC_SHA1, SHA1_BASE64, BODY)).isEqualTo(Outcome.INVALID);
    }

    @Test
    void acceptsEitherAlgorithmInEitherHeaderChosenByTheDigestsLength() {
        // the document's example: 40 hex digits (20 bytes, an HMAC-SHA1) in x-prodsmart-hmac-sha256
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA256, SHA1_HEX, BODY)).isEqualTo(Outcome.VERIFIED);
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA256, SHA1_BASE64, BODY)).isEqualTo(Outcome.VERIFIED);
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA1, SHA256_HEX, BODY)).isEqualTo(Outcome.VERIFIED);
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA1, SHA256_BASE64, BODY)).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void refusesADigestOfNeitherLength() {
        // 19 bytes of a SHA-1, 31 of a SHA-256: no algorithm has that length
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA256, SHA1_HEX.substring(2), BODY)).isEqualTo(Outcome.INVALID);
        assertThat(outcome(verifier, ProdsmartHeaders.HMAC_SHA256, SHA256_HEX.substring(2), BODY)).isEqualTo(Outcome.INVALID);
    }

    @Test
    void readsOnlyTheAlgorithmsAHeaderIsConfiguredWith() {
        HmacSignature sha256Only = new HmacSignature(Secret.of(SECRET),
                List.of(SignatureHeader.of(ProdsmartHeaders.HMAC_SHA256, "HmacSHA256")), Set.of(SignatureEncoding.HEX));

        assertThat(outcome(sha256Only, ProdsmartHeaders.HMAC_SHA256, SHA1_HEX, BODY)).isEqualTo(Outcome.INVALID);
        assertThat(outcome(sha256Only, ProdsmartHeaders.HMAC_SHA256, SHA256_HEX, BODY)).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void refusesTwoAlgorithmsOfOneLengthInOneHeader() {
        assertThatThrownBy(() -> new HmacSignature(Secret.of(SECRET),
                List.of(SignatureHeader.of(ProdsmartHeaders.HMAC_SHA256, "HmacSHA256", "HmacSHA512/256")),
                Set.of(SignatureEncoding.HEX)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
    }

    @Test
    void readsOnlyTheConfiguredEncodings() {
        HmacSignature hexOnly = new HmacSignature(Secret.of(SECRET), BOTH, Set.of(SignatureEncoding.HEX));

        assertThat(outcome(hexOnly, ProdsmartHeaders.HMAC_SHA256, SHA256_BASE64, BODY)).isEqualTo(Outcome.INVALID);
        assertThat(outcome(hexOnly, ProdsmartHeaders.HMAC_SHA256, SHA256_HEX, BODY)).isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void readsOnlyTheConfiguredHeaders() {
        HmacSignature sha1Only = new HmacSignature(Secret.of(SECRET),
                List.of(SignatureHeader.of(ProdsmartHeaders.HMAC_SHA1, "HmacSHA1")), Set.of(SignatureEncoding.BASE64));

        // an unconfigured signature header is no signature at all: missing, not invalid
        assertThat(outcome(sha1Only, ProdsmartHeaders.HMAC_SHA256, SHA256_HEX, BODY))
                .isEqualTo(Outcome.MISSING);
    }

    @Test
    void rejectsRequestWithoutSignatureHeader() {
        HttpHeaders none = new HttpHeaders();

        assertThat(verifier.verify(none, BODY, BodyFields.NONE)).isEqualTo(Outcome.MISSING);
    }

    @Test
    void verifiesWhatTheSandboxSignerSigns() {
        byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        for (Algorithm algorithm : Algorithm.values()) {
            String signature = ProdsmartWebhookSigner.sign(algorithm, SECRET, body);

            assertThat(outcome(verifier, algorithm.headerName(), signature, body)).as(algorithm.name())
                    .isEqualTo(Outcome.VERIFIED);
        }
    }

    @Test
    void refusesToWorkWithoutSecret() {
        assertThatThrownBy(() -> new HmacSignature(Secret.of(""), BOTH, Set.of(SignatureEncoding.HEX)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Outcome outcome(HmacSignature signature, String header, String value, byte[] body) {
        return signature.verify(headers(header, value), body, BodyFields.NONE);
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(name, value);
        return headers;
    }
}
