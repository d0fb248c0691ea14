package com.crossdock.platform.vendor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.HttpRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Removes the request's credentials from a vendor's answer before it becomes part of an exception,
 * a log line or a dead-letter record: a vendor may echo the request back, and DESIGN.md rules that
 * secrets never appear in an error body. Credentials are the values of request headers and query
 * parameters whose names look secret (Prodsmart {@code access_token}, SERPI {@code secretkey},
 * BaseLinker {@code X-BLToken}, {@code Authorization}).
 */
final class SecretRedactor {

    static final String MASK = "[REDACTED]";
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)auth|token|secret|key|password|passwd|signature|cookie|credential");
    private static final int MIN_SECRET_LENGTH = 4;

    private SecretRedactor() {
    }

    static String redact(String text, HttpRequest request) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String secret : secretsOf(request)) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }

    /** Longest first, so that a secret containing a shorter one is masked whole. */
    static Set<String> secretsOf(HttpRequest request) {
        Set<String> secrets = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        request.getHeaders().forEach((name, values) -> {
            if (SECRET_NAME.matcher(name).find()) {
                values.forEach(value -> addWithParts(secrets, value));
            }
        });
        UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().forEach((name, values) -> {
            if (SECRET_NAME.matcher(name).find()) {
                values.stream().filter(v -> v != null).forEach(value -> {
                    add(secrets, value);
                    add(secrets, URLDecoder.decode(value, StandardCharsets.UTF_8));
                });
            }
        });
        return secrets;
    }

    /** "Bearer abc" or "Token abc": the credential after the scheme may be echoed on its own. */
    private static void addWithParts(Set<String> secrets, String value) {
        add(secrets, value);
        List<String> parts = List.of(value.trim().split("\\s+"));
        parts.stream().skip(1).forEach(part -> add(secrets, part));
    }

    private static void add(Set<String> secrets, String value) {
        if (value != null && value.trim().length() >= MIN_SECRET_LENGTH) {
            secrets.add(value.trim());
        }
    }
}
