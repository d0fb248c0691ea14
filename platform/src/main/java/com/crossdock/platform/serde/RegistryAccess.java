package com.crossdock.platform.serde;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.crossdock.platform.config.Secret;

/**
 * Whom {@link InProcessSchemaRegistry} lets in: anyone, or only calls carrying one {@code Authorization} header value,
 * as Confluent's registry with HTTP basic authentication or a bearer-token extension turned on. Lets tests check that
 * the client sends the credentials its settings name.
 */
public final class RegistryAccess {

    /** No authentication: the local stack's registry. */
    public static final RegistryAccess OPEN = new RegistryAccess(null);

    private final Secret authorization;

    private RegistryAccess(Secret authorization) {
        this.authorization = authorization;
    }

    /** HTTP basic authentication of one user. */
    public static RegistryAccess basic(String user, String password) {
        return new RegistryAccess(Secret.of("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    /** One static bearer token. */
    public static RegistryAccess bearer(String token) {
        return new RegistryAccess(Secret.of("Bearer " + token));
    }

    boolean admits(String presented) {
        return authorization == null || authorization.matches(presented);
    }

    /** The {@code WWW-Authenticate} challenge of a refused call. */
    String challenge() {
        return authorization != null && authorization.reveal().startsWith("Bearer") ? "Bearer" : "Basic realm=\"SchemaRegistry\"";
    }
}
