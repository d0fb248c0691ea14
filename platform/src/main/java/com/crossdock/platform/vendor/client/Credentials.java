package com.crossdock.platform.vendor.client;

import org.springframework.web.reactive.function.client.ClientRequest;
import reactor.core.publisher.Mono;

/**
 * The credential of one vendor client and how it goes on a request. A static credential (bearer, basic,
 * headers, query) is the same on every request; an exchanged token changes, so a call first takes the
 * current one ({@link #current()}), its request carries it, and a 401 to it renews it once
 * ({@link #rejected(String)}).
 */
interface Credentials {

    /** What the next request carries: an exchanged token, or {@link #STATIC} for a fixed credential. */
    Mono<String> current();

    /** {@code request} with {@code credential} (from {@link #current()}) on it. */
    ClientRequest authenticate(ClientRequest request, String credential);

    /**
     * The vendor answered 401 to {@code credential}: forget it. True when a fresh credential is worth one
     * more try (an exchanged token); a fixed credential stays refused.
     */
    boolean rejected(String credential);

    /** The placeholder {@link #current()} of a fixed credential. */
    String STATIC = "";
}
