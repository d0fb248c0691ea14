package com.crossdock.sandbox;

import java.util.List;
import java.util.Optional;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A web filter that applies per-vendor rules (gates, limits) to the vendor paths under each rule's prefix, the
 * sandbox's own {@code _sandbox} paths excepted; the first rule that answers stops the request there.
 *
 * @param <R> the rule, one or more per vendor
 */
public abstract class VendorPrefixFilter<R> implements WebFilter {

    private final List<R> rules;

    protected VendorPrefixFilter(List<R> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The vendor prefix the rule applies under ({@code prodsmart}). */
    protected abstract String prefix(R rule);

    /** The rule's answer to a request to {@code path} (within the prefix: {@code /api/changes/stock}); empty lets it go on. */
    protected abstract Optional<Mono<Void>> answer(R rule, String path, ServerWebExchange exchange);

    @Override
    public final Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (rules.isEmpty() || !SandboxPaths.isVendorPath(request)) {
            return chain.filter(exchange);
        }
        String path = request.getPath().pathWithinApplication().value();
        for (R rule : rules) {
            String prefix = prefix(rule);
            if (SandboxPaths.isUnder(path, prefix)) {
                Optional<Mono<Void>> answer = answer(rule, SandboxPaths.within(path, prefix), exchange);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        }
        return chain.filter(exchange);
    }
}
