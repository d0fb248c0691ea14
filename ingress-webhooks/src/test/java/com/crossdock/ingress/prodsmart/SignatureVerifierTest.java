package com.crossdock.ingress.prodsmart;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.crossdock.ingress.prodsmart.SignatureVerifier.SignatureHeader;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner;
import com.crossdock.sandbox.prodsmart.ProdsmartWebhookSigner.Algorithm;
import com.crossdock.vendor.prodsmart.ProdsmartHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vectors: RFC 4231 test case 2 (HMAC-SHA256) and RFC 2202 test case 2 (HMAC-SHA1), key "Jefe". */
class SignatureVerifierTest {

    private static final String SECRET = "Jefe";
    private static final byte[] BODY = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA256_HEX = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    private static final String SHA256_BASE64 = "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=";
    private static final String SHA1_HEX = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";
    private static final String SHA1_BASE64 = "7/zfauXrL6LSdBbV8YTfnCWafHk=";
    private static final List<SignatureHeader> BOTH = List.of(
            new SignatureHeader(ProdsmartHeaders.HMAC_SHA256, "HmacSHA256"),
            new SignatureHeader(ProdsmartHeaders.HMAC_SHA1, "HmacSHA1"));

    private final SignatureVerifier verifier = new SignatureVerifier(SECRET, BOTH,
            Set.of(SignatureEncoding.HEX, SignatureEncoding.BASE64));

    @Test
    void acceptsSha256HeaderInHexAndBase64() {
        assertThat(verifier.verify(headers(ProdsmartHeaders.HMAC_SHA256, SHA256_HEX), BODY)).isTrue();
        assertThat(verifier.verify(headers(ProdsmartHeaders.HMAC_SHA256, SHA256_HEX.toUpperCase()), BODY)).isTrue();
        assertThat(verifier.verify(headers(ProdsmartHeaders.HMAC_SHA256, SHA256_BASE64), BODY)).isTrue();
    }

    @Test
    void acceptsSha1HeaderInBase64AndHex() {
        assertThat(verifier.verify(headers(ProdsmartHeaders.HMAC_SHA1, SHA1_BASE64), BODY)).isTrue();
        assertThat(verifier.verify(headers(ProdsmartHeaders.HMAC_SHA1, SHA1_HEX), BODY)).isTrue();
    }

    @Test
    void acceptsHeaderValueQuotedAsTheDocumentPrintsIt() {
        assertThat(verifier.verify(headers(ProdsmartHeaders.HMAC_SHA256, "\"" + SHA256_HEX + "\""), BODY)).isTrue();
    }

    @Test
    void rejectsTamperedBody() {
        byte[] tampered = "what do ya want for nothing!".getBytes(StandardCharsets.US_ASCII);

        assertThat(verifier.verify(headers(ProdsmartHeaders.HMAC_SHA256, SHA256_HEX), tampered)).isFalse();
        assertThat(verifier.verify(headers(ProdsmartHeaders.HMAC_SHA1, SHA1_BASE64), tampered)).isFalse();
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        SignatureVerifier other = new SignatureVerifier("not-jefe", BOTH, Set.of(SignatureEncoding.HEX, SignatureEncoding.BASE64));

        assertThat(other.verify(headers(ProdsmartHeaders.HMAC_SHA256, SHA256_HEX), BODY)).isFalse();
        assertThat(other.verify(headers(ProdsmartHeaders.HMAC_SHA1, SHA1_BASE64), BODY)).isFalse();
    }

    @Test
    void rejectsSha1ValueInTheSha256Header() {
        assertThat(verifier.verify(headers(ProdsmartHeaders.HMAC_SHA256, SHA1_HEX), BODY)).isFalse();
    }

    @Test
    void readsOnlyTheConfiguredEncodings() {
        SignatureVerifier hexOnly = new SignatureVerifier(SECRET, BOTH, Set.of(SignatureEncoding.HEX));

        assertThat(hexOnly.verify(headers(ProdsmartHeaders.HMAC_SHA256, SHA256_BASE64), BODY)).isFalse();
        assertThat(hexOnly.verify(headers(ProdsmartHeaders.HMAC_SHA256, SHA256_HEX), BODY)).isTrue();
    }

    @Test
    void readsOnlyTheConfiguredHeaders() {
        SignatureVerifier sha1Only = new SignatureVerifier(SECRET,
                List.of(new SignatureHeader(ProdsmartHeaders.HMAC_SHA1, "HmacSHA1")), Set.of(SignatureEncoding.BASE64));

        assertThat(sha1Only.verify(headers(ProdsmartHeaders.HMAC_SHA256, SHA256_HEX), BODY)).isFalse();
        assertThat(sha1Only.present(headers(ProdsmartHeaders.HMAC_SHA256, SHA256_HEX))).isFalse();
    }

    @Test
    void readsTheDocumentsSha1HexExampleWhenTheSha256HeaderIsConfiguredAsSha1() {
        // the document's x-prodsmart-hmac-sha256 example has 40 hex digits: SHA-1's length
        SignatureVerifier quirk = new SignatureVerifier(SECRET,
                List.of(new SignatureHeader(ProdsmartHeaders.HMAC_SHA256, "HmacSHA1")), Set.of(SignatureEncoding.HEX));

        assertThat(quirk.verify(headers(ProdsmartHeaders.HMAC_SHA256, SHA1_HEX), BODY)).isTrue();
    }

    @Test
    void rejectsRequestWithoutSignatureHeader() {
        HttpHeaders none = new HttpHeaders();

        assertThat(verifier.verify(none, BODY)).isFalse();
        assertThat(verifier.present(none)).isFalse();
    }

    @Test
    void verifiesWhatTheSandboxSignerSigns() {
        byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        for (Algorithm algorithm : Algorithm.values()) {
            String signature = ProdsmartWebhookSigner.sign(algorithm, SECRET, body);

            assertThat(verifier.verify(headers(algorithm.headerName(), signature), body)).as(algorithm.name()).isTrue();
        }
    }

    @Test
    void refusesToWorkWithoutSecret() {
        assertThatThrownBy(() -> new SignatureVerifier("", BOTH, Set.of(SignatureEncoding.HEX)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(name, value);
        return headers;
    }
}
