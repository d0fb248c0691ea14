package com.crossdock.platform.vendor.client;

import java.util.Locale;

import com.crossdock.platform.config.Secret;
import com.crossdock.platform.vendor.AuthProperties;

/** Checks that the auth style of a vendor has what it needs, with a message naming the key and its variable. */
record AuthSettings(String vendor, AuthProperties auth) {

    <T> T required(T value, String key) {
        if (value == null || value instanceof Secret secret && secret.isBlank()
                || value instanceof String text && text.isBlank()) {
            throw missing(key);
        }
        return value;
    }

    IllegalStateException missing(String key) {
        String property = "crossdock.vendors." + vendor + ".auth." + key;
        String variable = property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
        return new IllegalStateException(property + " is required for auth style "
                + auth.style().name().toLowerCase(Locale.ROOT).replace('_', '-') + " (environment " + variable + ")");
    }
}
