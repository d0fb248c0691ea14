package com.crossdock.ingress.webhook;

import java.util.Locale;

/**
 * A header that carries an HMAC of the raw body.
 *
 * @param name      the header's name
 * @param algorithm the JCA name of the HMAC it holds, e.g. {@code HmacSHA256}
 * @param prefix    what precedes the digest in the value, e.g. {@code sha256=}; empty (the default) for none
 */
public record SignatureHeader(String name, String algorithm, String prefix) {

    public SignatureHeader {
        if (name == null || name.isBlank() || algorithm == null || algorithm.isBlank()) {
            throw new IllegalArgumentException("a signature header needs a name and an algorithm");
        }
        name = name.toLowerCase(Locale.ROOT);
        prefix = prefix == null ? "" : prefix;
    }

    public static SignatureHeader of(String name, String algorithm) {
        return new SignatureHeader(name, algorithm, "");
    }
}
