package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.crossdock.platform.config.Secret;
import org.springframework.http.HttpHeaders;

/**
 * An HMAC over the raw body bytes with a shared secret, in one or more headers. Prodsmart's document
 * (prodsmart-api.pl.txt, "Nagłówki webhook" and "Jak zweryfikować element webhook?") is inconsistent: its example
 * puts 40 hex digits (an HMAC-SHA1's length) in {@code x-prodsmart-hmac-sha256}, and its steps name
 * {@code x-prodsmart-hmac-sha1}, base64. So a header may carry any of its algorithms, the one chosen by the length
 * of the decoded digest (20 bytes SHA-1, 32 bytes SHA-256), in any configured encoding; a delivery is authentic
 * when any configured header present verifies. The length says nothing secret; the comparison itself is
 * constant-time ({@link MessageDigest#isEqual}).
 */
final class HmacSignature extends WebhookAuthentication {

    private final List<SignatureHeader> headers;
    private final Set<SignatureEncoding> encodings;
    /** Per header: its algorithms' indexes in {@link #keys} by their digest length in bytes. */
    private final List<Map<Integer, Integer>> byLength;
    private final SecretKeySpec[] keys;
    /** A Mac per algorithm and event-loop thread: looking one up and keying it for every request costs more than the MAC. */
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
        List<String> algorithms = new ArrayList<>();
        List<SecretKeySpec> keyList = new ArrayList<>();
        List<Map<Integer, Integer>> lengths = new ArrayList<>();
        for (SignatureHeader header : this.headers) {
            Map<Integer, Integer> mine = new HashMap<>();
            for (String algorithm : header.algorithms()) {
                int index = algorithms.indexOf(algorithm);
                if (index < 0) {
                    index = algorithms.size();
                    algorithms.add(algorithm);
                    keyList.add(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), algorithm));
                }
                Integer taken = mine.put(mac(keyList.get(index)).getMacLength(), index);
                if (taken != null && taken != index) {
                    throw new IllegalArgumentException("signature header " + header.name() + ": " + algorithms.get(taken)
                            + " and " + algorithm + " have the same length, a digest could not tell which it is");
                }
            }
            lengths.add(Map.copyOf(mine));
        }
        this.byLength = List.copyOf(lengths);
        this.keys = keyList.toArray(SecretKeySpec[]::new);
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
        byte[][] expected = new byte[keys.length][];
        for (int i = 0; i < headers.size(); i++) {
            String value = request.getFirst(headers.get(i).name());
            if (value != null) {
                present = true;
                verified |= matches(i, unquote(value), body, expected);
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

    /**
     * @param expected the body's MAC per algorithm, computed once per request when a header first needs it
     */
    private boolean matches(int header, String value, byte[] body, byte[][] expected) {
        String prefix = headers.get(header).prefix();
        if (!value.startsWith(prefix)) {
            return false;
        }
        String digest = value.substring(prefix.length());
        boolean matched = false;
        for (SignatureEncoding encoding : SignatureEncoding.values()) {
            if (encodings.contains(encoding)) {
                Optional<byte[]> given = encoding.decode(digest);
                Integer algorithm = given.map(bytes -> byLength.get(header).get(bytes.length)).orElse(null);
                if (algorithm != null) {
                    if (expected[algorithm] == null) {
                        expected[algorithm] = macs.get()[algorithm].doFinal(body);
                    }
                    matched |= MessageDigest.isEqual(expected[algorithm], given.get());
                }
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
