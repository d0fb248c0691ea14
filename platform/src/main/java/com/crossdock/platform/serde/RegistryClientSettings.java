package com.crossdock.platform.serde;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.crossdock.platform.config.Secret;

/**
 * How to reach the schema registry, read from the serde's configuration under Confluent's own keys
 * (Confluent's "Schema Registry client configuration": {@code schema.registry.url}, {@code basic.auth.*},
 * {@code bearer.auth.*}, {@code schema.registry.ssl.truststore.*}):
 * <ul>
 * <li>{@code schema.registry.url}: one URL or several, comma-separated; a call that cannot reach one tries the next.
 * <li>{@code basic.auth.credentials.source}: {@code USER_INFO} (from {@code basic.auth.user.info}, {@code user:password})
 *     or {@code URL} (the user info of each URL, {@code https://user:password@host}).
 * <li>{@code bearer.auth.credentials.source=STATIC_TOKEN} with {@code bearer.auth.token}.
 * <li>{@code schema.registry.ssl.truststore.location}, {@code .password}, {@code .type} (default JKS): the CAs an
 *     {@code https} registry's certificate is checked against instead of the JVM's.
 * </ul>
 * Any other {@code basic.auth.*}, {@code bearer.auth.*} or {@code schema.registry.*} key (OAuth client credentials,
 * SASL-inherited credentials, client certificates, ...) is refused with an {@link IllegalArgumentException} rather than
 * ignored: a registry call without the credentials the deployment meant to send would fail later and less clearly.
 *
 * @param endpoints  the registry's URLs in failover order, each with the Authorization header value it is sent with
 * @param trustStore the trust store for https URLs, or null for the JVM's default CAs
 */
public record RegistryClientSettings(List<Endpoint> endpoints, TrustStore trustStore) {

    static final String URL = "schema.registry.url";
    static final String BASIC_SOURCE = "basic.auth.credentials.source";
    static final String BASIC_USER_INFO = "basic.auth.user.info";
    static final String BEARER_SOURCE = "bearer.auth.credentials.source";
    static final String BEARER_TOKEN = "bearer.auth.token";
    static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

    /** The registry keys this client implements; every other key under {@link #GOVERNED_PREFIXES} is refused. */
    static final Set<String> SUPPORTED = Set.of(URL, BASIC_SOURCE, BASIC_USER_INFO, BEARER_SOURCE, BEARER_TOKEN,
            TRUSTSTORE_LOCATION, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE);
    private static final List<String> GOVERNED_PREFIXES = List.of("basic.auth.", "bearer.auth.", "schema.registry.");

    /**
     * One registry URL and the {@code Authorization} header sent to it (null: none).
     *
     * @param baseUrl       the Confluent REST API's root, without user info and trailing slash
     * @param authorization the header's value ({@code Basic ...} or {@code Bearer ...}), or null
     */
    public record Endpoint(String baseUrl, Secret authorization) {

        @Override
        public String toString() {
            return baseUrl;
        }
    }

    /**
     * @param location the trust store file
     * @param password its password, or null
     * @param type     its type (JKS, PKCS12)
     */
    public record TrustStore(String location, Secret password, String type) {
    }

    /** One URL (or several, comma-separated), no credentials, the JVM's CAs: the local stack's and tests' registry. */
    public static RegistryClientSettings of(String url) {
        return from(Map.of(URL, url));
    }

    /**
     * The settings in a serde's (or a Kafka client's) configuration; keys outside the registry's are ignored, since
     * the same map holds the Kafka client's own settings.
     *
     * @throws IllegalArgumentException when the URL is missing or a registry key is unsupported or malformed
     */
    public static RegistryClientSettings from(Map<String, ?> configs) {
        Map<String, String> keys = registryKeys(configs);
        List<String> refused = keys.keySet().stream().filter(key -> !SUPPORTED.contains(key)).toList();
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("unsupported schema registry client settings " + refused
                    + ": Crossdock's registry client implements only " + new java.util.TreeSet<>(SUPPORTED)
                    + " (basic auth from USER_INFO or URL, a STATIC_TOKEN bearer token, a custom trust store); remove them"
                    + " or authenticate in one of those ways");
        }
        String urls = keys.get(URL);
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("Missing required configuration \"" + URL + "\"");
        }
        String basic = keys.get(BASIC_SOURCE);
        String bearer = keys.get(BEARER_SOURCE);
        if (basic != null && bearer != null) {
            throw new IllegalArgumentException(BASIC_SOURCE + " and " + BEARER_SOURCE + " are both set: choose one");
        }
        Secret shared = bearer != null ? bearer(bearer, keys.get(BEARER_TOKEN))
                : basic != null && !basic.equals("URL") ? userInfo(basic, keys.get(BASIC_USER_INFO)) : null;
        if (bearer == null && basic == null && (keys.containsKey(BASIC_USER_INFO) || keys.containsKey(BEARER_TOKEN))) {
            // Confluent's default source is URL, which would silently not send the user info given here
            throw new IllegalArgumentException((keys.containsKey(BASIC_USER_INFO) ? BASIC_USER_INFO + " needs "
                    + BASIC_SOURCE + "=USER_INFO" : BEARER_TOKEN + " needs " + BEARER_SOURCE + "=STATIC_TOKEN"));
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (String each : urls.split(",")) {
            if (!each.isBlank()) {
                // URL is Confluent's default source: user info in a URL is sent unless another source is chosen
                endpoints.add(endpoint(each.strip(), shared, bearer == null && (basic == null || basic.equals("URL"))));
            }
        }
        return new RegistryClientSettings(List.copyOf(endpoints), trustStore(keys));
    }

    private static Map<String, String> registryKeys(Map<String, ?> configs) {
        Map<String, String> keys = new TreeMap<>();
        configs.forEach((key, value) -> {
            if (value != null && GOVERNED_PREFIXES.stream().anyMatch(key::startsWith)) {
                keys.put(key, value.toString());
            }
        });
        return keys;
    }

    private static Secret userInfo(String source, String userInfo) {
        if (!source.equals("USER_INFO")) {
            throw new IllegalArgumentException(BASIC_SOURCE + "=" + source + " is not supported: use USER_INFO (with "
                    + BASIC_USER_INFO + ") or URL (user info in " + URL + ")");
        }
        if (userInfo == null || !userInfo.contains(":")) {
            throw new IllegalArgumentException(BASIC_SOURCE + "=USER_INFO needs " + BASIC_USER_INFO + " as user:password");
        }
        return basicHeader(userInfo);
    }

    private static Secret bearer(String source, String token) {
        if (!source.equals("STATIC_TOKEN")) {
            throw new IllegalArgumentException(BEARER_SOURCE + "=" + source + " is not supported: use STATIC_TOKEN with "
                    + BEARER_TOKEN + " (OAuth client credentials and SASL-inherited tokens are not implemented)");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(BEARER_SOURCE + "=STATIC_TOKEN needs " + BEARER_TOKEN);
        }
        return Secret.of("Bearer " + token.strip());
    }

    private static Endpoint endpoint(String url, Secret shared, boolean fromUrl) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(URL + " has a malformed URL: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException(URL + " needs http:// or https:// URLs with a host, not " + withoutUserInfo(uri));
        }
        Secret authorization = shared;
        if (fromUrl && uri.getRawUserInfo() != null) {
            authorization = basicHeader(URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8));
        }
        String base = withoutUserInfo(uri);
        return new Endpoint(base.endsWith("/") ? base.substring(0, base.length() - 1) : base, authorization);
    }

    private static String withoutUserInfo(URI uri) {
        String text = uri.toString();
        return uri.getRawUserInfo() == null ? text : text.replace(uri.getRawUserInfo() + "@", "");
    }

    private static Secret basicHeader(String userInfo) {
        return Secret.of("Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }

    private static TrustStore trustStore(Map<String, String> keys) {
        String location = keys.get(TRUSTSTORE_LOCATION);
        if (location == null || location.isBlank()) {
            if (keys.containsKey(TRUSTSTORE_PASSWORD) || keys.containsKey(TRUSTSTORE_TYPE)) {
                throw new IllegalArgumentException(TRUSTSTORE_PASSWORD + " or " + TRUSTSTORE_TYPE + " without "
                        + TRUSTSTORE_LOCATION);
            }
            return null;
        }
        String password = keys.get(TRUSTSTORE_PASSWORD);
        return new TrustStore(location, password == null ? null : Secret.of(password),
                keys.getOrDefault(TRUSTSTORE_TYPE, "JKS"));
    }
}
