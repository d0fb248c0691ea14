package com.crossdock.ingress.webhook;

import java.util.List;
import java.util.Locale;

/**
 * A header that carries an HMAC of the raw body.
 *
 * @param name       the header's name
 * @param algorithms the JCA names of the HMACs it may hold, e.g. {@code HmacSHA1, HmacSHA256}: the one used is
 *                   the one whose length the decoded digest has (20 bytes SHA-1, 32 bytes SHA-256), so no two may
 *                   have the same length
 * @param prefix     what precedes the digest in the value, e.g. {@code sha256=}; empty (the default) for none
 */
public record SignatureHeader(String name, List<String> algorithms, String prefix) {

    public SignatureHeader {
        if (name == null || name.isBlank() || algorithms == null || algorithms.isEmpty()
                || algorithms.stream().anyMatch(algorithm -> algorithm == null || algorithm.isBlank())) {
            throw new IllegalArgumentException("a signature header needs a name and at least one algorithm");
        }
        name = name.toLowerCase(Locale.ROOT);
        algorithms = List.copyOf(algorithms);
        prefix = prefix == null ? "" : prefix;
    }

    /** A header without prefix that may carry any of {@code algorithms}. */
    public static SignatureHeader of(String name, String... algorithms) {
        return new SignatureHeader(name, List.of(algorithms), "");
    }
}
