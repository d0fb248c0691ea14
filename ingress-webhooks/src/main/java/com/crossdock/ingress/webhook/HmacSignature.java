package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.crossdock.platform.config.Secret;
import org.springframework.http.HttpHeaders;

/**
 * An HMAC over the raw body bytes with a shared secret, in one or more headers. Prodsmart's document
 * (prodsmart-api.pl.txt, "Jak zweryfikować element webhook?") is inconsistent: it names
 * {@code x-prodsmart-hmac-sha256} (with a 40-hex example) and {@code x-prodsmart-hmac-sha1} (base64). So which
 * header carries which algorithm, and which encodings are read, is configuration; a delivery is authentic when
 * any configured header present verifies. Comparison is constant-time ({@link MessageDigest#isEqual}).
 */
final class HmacSignature extends WebhookAuthentication {

    private final SecretKeySpec[] keys;
    private final List<SignatureHeader> headers;
    private final Set<SignatureEncoding> encodings;
    /** A Mac per header and event-loop thread: looking one up and keying it for every request costs more than the MAC. */
    private final ThreadLocal<Mac[]> macs;

    HmacSignature(Secret secret, List<SignatureHeader> headers, Set<SignatureEncoding> encodings) {
        super(Rejection.SIGNATURE_MISSING, "no signature header", Rejection.SIGNATURE_INVALID,
                "the signature does not match the body", "signature");
        if (secret == null || secret.isBlank() || headers == null || headers.isEmpty() || encodings == null
                || encodings.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret, at least one signature header and one encoding are required");
        }
        this.headers = List.copyOf(headers);
        this.encodings = Set.copyOf(encodings);
        this.keys = new SecretKeySpec[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            keys[i] = new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), headers.get(i).algorithm());
            mac(keys[i]);
        }
        this.macs = ThreadLocal.withInitial(() -> {
            Mac[] each = new Mac[keys.length];
            for (int i = 0; i < keys.length; i++) {
                each[i] = mac(keys[i]);
            }
            return each;
        });
    }

    @Override
    Outcome verify(HttpHeaders request, byte[] body, BodyFields fields) {
        boolean present = false;
        boolean verified = false;
        Mac[] mine = null;
        for (int i = 0; i < headers.size(); i++) {
            String value = request.getFirst(headers.get(i).name());
            if (value != null) {
                present = true;
                mine = mine == null ? macs.get() : mine;
                verified |= matches(headers.get(i), unquote(value), mine[i].doFinal(body));
            }
        }
        return verified ? Outcome.VERIFIED : present ? Outcome.INVALID : Outcome.MISSING;
    }

    @Override
    boolean carries(String header) {
        for (SignatureHeader signature : headers) {
            if (signature.name().equals(header)) {
                return true;
            }
        }
        return false;
    }

    @Override
    Optional<String> bodyField() {
        return Optional.empty();
    }

    private boolean matches(SignatureHeader header, String value, byte[] expected) {
        if (!value.startsWith(header.prefix())) {
            return false;
        }
        String digest = value.substring(header.prefix().length());
        boolean matched = false;
        for (SignatureEncoding encoding : SignatureEncoding.values()) {
            if (encodings.contains(encoding)) {
                Optional<byte[]> given = encoding.decode(digest);
                matched |= given.isPresent() && MessageDigest.isEqual(expected, given.get());
            }
        }
        return matched;
    }

    /** Prodsmart's document prints header values in quotes; a sender that copied them literally is still read. */
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
