package com.crossdock.platform.vendor.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import com.crossdock.platform.config.Secret;
import com.crossdock.platform.vendor.AuthProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import reactor.core.publisher.Mono;

/**
 * A credential that is the same on every request: none, bearer, basic, named headers, or a query token.
 * The secrets are revealed only here, where they are put on the request.
 */
final class FixedCredentials implements Credentials {

    private final UnaryOperator<ClientRequest> authentication;

    private FixedCredentials(UnaryOperator<ClientRequest> authentication) {
        this.authentication = authentication;
    }

    static Credentials of(String vendor, AuthProperties auth) {
        AuthSettings settings = new AuthSettings(vendor, auth);
        return switch (auth.style()) {
            case NONE -> new FixedCredentials(UnaryOperator.identity());
            case BEARER -> {
                Secret token = settings.required(auth.token(), "token");
                yield new FixedCredentials(request -> Placements.header(request, HttpHeaders.AUTHORIZATION,
                        "Bearer " + token.reveal()));
            }
            case BASIC -> {
                String basic = basic(settings.required(auth.key(), "key"), settings.required(auth.secret(), "secret"));
                yield new FixedCredentials(request -> Placements.header(request, HttpHeaders.AUTHORIZATION, basic));
            }
            case QUERY -> {
                Secret token = settings.required(auth.token(), "token");
                String parameter = settings.required(auth.parameter(), "parameter");
                yield new FixedCredentials(request -> Placements.query(request, parameter, token.reveal()));
            }
            case HEADERS -> headers(settings, auth);
            case TOKEN_EXCHANGE -> throw new IllegalArgumentException("a token exchange is no fixed credential");
        };
    }

    /** {@code Basic base64(key:secret)} (RFC 7617). */
    static String basic(Secret key, Secret secret) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (key.reveal() + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8));
    }

    private static Credentials headers(AuthSettings settings, AuthProperties auth) {
        if (auth.headers().isEmpty()) {
            throw settings.missing("headers");
        }
        List<UnaryOperator<ClientRequest>> each = auth.headers().entrySet().stream().map(entry -> {
            String name = entry.getValue().name() == null ? entry.getKey() : entry.getValue().name();
            String scheme = entry.getValue().scheme() == null ? "" : entry.getValue().scheme().trim() + " ";
            Secret value = settings.required(entry.getValue().value(), "headers." + entry.getKey() + ".value");
            return (UnaryOperator<ClientRequest>) request -> Placements.header(request, name, scheme + value.reveal());
        }).toList();
        return new FixedCredentials(request -> {
            ClientRequest authenticated = request;
            for (UnaryOperator<ClientRequest> header : each) {
                authenticated = header.apply(authenticated);
            }
            return authenticated;
        });
    }

    @Override
    public Mono<String> current() {
        return Mono.just(STATIC);
    }

    @Override
    public ClientRequest authenticate(ClientRequest request, String credential) {
        return authentication.apply(request);
    }

    @Override
    public boolean rejected(String credential) {
        return false;
    }
}
