package com.crossdock.ingress.prodsmart;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpHeaders;

/**
 * Checks a webhook's HMAC over the raw body bytes with the Prodsmart API secret. The vendor document
 * (prodsmart-api.pl.txt, "Jak zweryfikować element webhook?") is inconsistent: it names
 * {@code x-prodsmart-hmac-sha256} (with a 40-hex example) and {@code x-prodsmart-hmac-sha1} (base64). So
 * which header carries which algorithm, and which encodings are read, is configuration; a webhook is
 * authentic when any configured header present verifies. Comparison is constant-time.
 */
public final class SignatureVerifier {

    /** A header and the HMAC algorithm (JCA name, e.g. {@code HmacSHA256}) its value is computed with. */
    public record SignatureHeader(String name, String algorithm) {
    }

    private final SecretKeySpec[] keys;
    private final List<SignatureHeader> headers;
    private final Set<SignatureEncoding> encodings;

    public SignatureVerifier(String secret, List<SignatureHeader> headers, Set<SignatureEncoding> encodings) {
        if (secret == null || secret.isEmpty() || headers.isEmpty() || encodings.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret, at least one signature header and one encoding are required");
        }
        this.headers = List.copyOf(headers);
        this.encodings = Set.copyOf(encodings);
        this.keys = new SecretKeySpec[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            keys[i] = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), headers.get(i).algorithm());
            mac(keys[i]);
        }
    }

    /** True when a configured signature header is present and matches the body. */
    public boolean verify(HttpHeaders request, byte[] body) {
        boolean verified = false;
        for (int i = 0; i < headers.size(); i++) {
            String value = request.getFirst(headers.get(i).name());
            if (value != null) {
                verified |= matches(unquote(value), mac(keys[i]).doFinal(body));
            }
        }
        return verified;
    }

    /** True when any signature header (configured or not) was sent: a bad one is then "bad", not "missing". */
    public boolean present(HttpHeaders request) {
        return headers.stream().anyMatch(h -> request.containsHeader(h.name()));
    }

    private boolean matches(String value, byte[] expected) {
        boolean matched = false;
        for (SignatureEncoding encoding : SignatureEncoding.values()) {
            if (encodings.contains(encoding)) {
                Optional<byte[]> given = encoding.decode(value);
                matched |= given.isPresent() && MessageDigest.isEqual(expected, given.get());
            }
        }
        return matched;
    }

    /** The document prints header values in quotes; a sender that copied them literally is still read. */
    private static String unquote(String value) {
        String trimmed = value.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(key.getAlgorithm());
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable signature algorithm " + key.getAlgorithm(), e);
        }
    }
}
