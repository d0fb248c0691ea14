package com.crossdock.sandbox.limit;

import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * One vendor's request limit, declared as a bean by the vendor's sandbox; {@link RateLimitFilter} applies every
 * rule to the requests under its prefix, and {@code PUT /<prefix>/_sandbox/rate-limit} changes it at run time.
 *
 * @param prefix     the vendor's path prefix ({@code prodsmart})
 * @param counts     which calls count, by their path within the prefix ({@code /api/changes/stock})
 * @param credential whose window a request fills: a company, a token header
 * @param window     the sliding window
 * @param answer     the vendor's answer past the limit
 */
public record RateLimitRule(String prefix, Predicate<String> counts, Function<ServerHttpRequest, String> credential,
                            SlidingWindowLimit window, ThrottleAnswer answer) {

    /** For a vendor whose limit is per account, and the sandbox holds one account. */
    public static Function<ServerHttpRequest, String> oneAccount() {
        return request -> "account";
    }

    /** For a vendor whose limit is per token sent in a header (BaseLinker's {@code X-BLToken}); none sent is one more credential. */
    public static Function<ServerHttpRequest, String> header(String name) {
        return request -> String.valueOf(request.getHeaders().getFirst(name));
    }
}
