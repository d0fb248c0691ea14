package com.crossdock.sandbox.auth;

import java.util.Optional;

import com.crossdock.sandbox.VendorError;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * One way a vendor checks who calls it ({@link AuthGates}: bearer, basic, a header pair, a query token). The
 * gates compare credentials in constant time and never echo the expected value.
 */
@FunctionalInterface
public interface AuthGate {

    /** Empty when the request carries what the vendor asks for; otherwise the vendor's refusal. */
    Optional<VendorError> check(ServerHttpRequest request);
}
