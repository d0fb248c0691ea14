package com.crossdock.ingress.webhook;

import java.util.Optional;

import com.crossdock.platform.config.Secret;
import org.springframework.http.HttpHeaders;

/**
 * A shared token in a header or a top-level field of the JSON body, compared in constant time
 * ({@link Secret#matches}). Optimakers' webhook carries its "token bezpieczeństwa" in the body, and that is its
 * only security (VENDORS.md): so the raw record keeps the body with that value replaced, never the token.
 */
final class SharedToken extends WebhookAuthentication {

    private final Secret token;
    private final RequestField where;

    SharedToken(Secret token, RequestField where) {
        super(Rejection.TOKEN_MISSING, checked(token, where).inBody() ? "no token in the body" : "no token header",
                Rejection.TOKEN_INVALID, "the token does not match", where.name());
        this.token = token;
        this.where = where;
    }

    private static RequestField checked(Secret token, RequestField where) {
        if (token == null || token.isBlank() || where == null) {
            throw new IllegalArgumentException("a shared webhook token and where it is sent are required");
        }
        return where;
    }

    @Override
    Outcome verify(HttpHeaders headers, byte[] body, BodyFields fields) {
        String presented = where.read(headers, fields);
        if (presented == null || presented.isEmpty()) {
            return Outcome.MISSING;
        }
        return token.matches(presented) ? Outcome.VERIFIED : Outcome.INVALID;
    }

    @Override
    boolean carries(String header) {
        return !where.inBody() && where.name().equals(header);
    }

    @Override
    Optional<String> bodyField() {
        return where.inBody() ? Optional.of(where.name()) : Optional.empty();
    }
}
