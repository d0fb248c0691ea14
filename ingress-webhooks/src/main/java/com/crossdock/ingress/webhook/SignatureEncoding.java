package com.crossdock.ingress.webhook;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How a signature header may be written. Prodsmart's document shows a hex value and says base64
 * (prodsmart-api.pl.txt, "Jak zweryfikować element webhook?"), so both may be configured at once.
 */
public enum SignatureEncoding {
    HEX {
        @Override
        Optional<byte[]> decode(String value) {
            try {
                return Optional.of(HexFormat.of().parseHex(value));
            } catch (IllegalArgumentException notHex) {
                return Optional.empty();
            }
        }
    },
    BASE64 {
        @Override
        Optional<byte[]> decode(String value) {
            try {
                return Optional.of(Base64.getDecoder().decode(value));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    };

    abstract Optional<byte[]> decode(String value);
}
