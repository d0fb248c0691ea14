package com.crossdock.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.crossdock.sandbox.VendorError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The auth styles of the vendors the sandboxes imitate; each vendor picks one per group of its paths ({@link VendorAuth}). */
public final class AuthGates {

    private static final String BEARER = "Bearer ";

    private AuthGates() {
    }

    /**
     * {@code Authorization: Bearer <token>} with one fixed token (Paqtana, "Authorization: Bearer &lt;token&gt;").
     * The scheme is matched as written ({@code Bearer }), as the vendors' documents show it.
     */
    public static AuthGate bearer(String token) {
        return request -> bearer(request, sent -> same(sent, token));
    }

    /** {@code Authorization: Bearer <token>} with a token the vendor issued and that has not expired (OAuth2 client credentials). */
    public static AuthGate bearer(TokenIssuer tokens) {
        return request -> bearer(request, tokens::valid);
    }

    /**
     * {@code Authorization: Basic base64(user:password)} (Prodsmart's authorization resource, with the API key and
     * secret). Any refusal is 401 with {@code refusal} as its message.
     */
    public static AuthGate basic(String user, String password, String refusal) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request -> {
            String sent = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            return sent != null && same(sent, expected) ? Optional.empty()
                    : Optional.of(new VendorError(HttpStatus.UNAUTHORIZED, refusal));
        };
    }

    /**
     * One fixed token in a header of the vendor's naming (BaseLinker's {@code X-BLToken}, an API key header):
     * missing or another value is 401 "invalid token"; the vendor's error writer words it.
     */
    public static AuthGate header(String name, String token) {
        return request -> {
            String sent = request.getHeaders().getFirst(name);
            return sent != null && same(sent, token) ? Optional.empty()
                    : Optional.of(new VendorError(HttpStatus.UNAUTHORIZED, "invalid or missing " + name));
        };
    }

    /**
     * A key header and a bearer token that must belong together (SERPI: {@code secretkey} plus
     * {@code Authorization: Bearer}): either one missing, or a token the vendor does not know, is 401; a known
     * token with a key that is not its own is 403 (SERPI: "401 bad token, 403 key/token mismatch").
     *
     * @param keyByToken each valid token with the key it belongs to
     */
    public static AuthGate headerPair(String keyHeader, Map<String, String> keyByToken) {
        Map<String, String> pairs = Map.copyOf(keyByToken);
        return request -> {
            Optional<String> token = bearerToken(request);
            String key = request.getHeaders().getFirst(keyHeader);
            if (token.isEmpty()) {
                return Optional.of(missingBearer());
            }
            if (key == null || key.isBlank()) {
                return Optional.of(new VendorError(HttpStatus.UNAUTHORIZED, "missing " + keyHeader + " header"));
            }
            Optional<String> owner = pairs.entrySet().stream()
                    .filter(pair -> same(token.get(), pair.getKey())).map(Map.Entry::getValue).findFirst();
            if (owner.isEmpty()) {
                return Optional.of(invalidToken());
            }
            return same(key, owner.get()) ? Optional.empty()
                    : Optional.of(new VendorError(HttpStatus.FORBIDDEN, keyHeader + " does not belong to this token"));
        };
    }

    /** A token the vendor issued, sent as a query parameter (Prodsmart's {@code access_token}); missing, unknown or expired is 401. */
    public static AuthGate queryToken(String parameter, TokenIssuer tokens) {
        return request -> tokens.valid(request.getQueryParams().getFirst(parameter)) ? Optional.empty()
                : Optional.of(new VendorError(HttpStatus.UNAUTHORIZED, "invalid or expired " + parameter));
    }

    /** No header is "missing"; any other header than a valid bearer token (another scheme included) is "invalid". */
    private static Optional<VendorError> bearer(ServerHttpRequest request, Predicate<String> valid) {
        if (request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null) {
            return Optional.of(missingBearer());
        }
        return bearerToken(request).filter(valid).isPresent() ? Optional.empty() : Optional.of(invalidToken());
    }

    private static Optional<String> bearerToken(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return header != null && header.startsWith(BEARER) ? Optional.of(header.substring(BEARER.length()))
                : Optional.empty();
    }

    private static VendorError missingBearer() {
        return new VendorError(HttpStatus.UNAUTHORIZED, "missing Authorization: Bearer token");
    }

    private static VendorError invalidToken() {
        return new VendorError(HttpStatus.UNAUTHORIZED, "invalid or revoked token");
    }

    private static boolean same(String sent, String expected) {
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
