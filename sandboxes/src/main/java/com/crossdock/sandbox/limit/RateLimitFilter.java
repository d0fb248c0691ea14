package com.crossdock.sandbox.limit;

import java.util.List;
import java.util.Optional;

import com.crossdock.sandbox.SandboxPaths;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies every vendor's {@link RateLimitRule}. Runs after fault injection (an injected fault costs no budget)
 * and before the auth gates (a refused credential still spends the vendor's budget, as at Prodsmart, where
 * every call counts, authorization included).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RateLimitFilter implements WebFilter {

    private final List<RateLimitRule> rules;

    public RateLimitFilter(List<RateLimitRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (rules.isEmpty() || !SandboxPaths.isVendorPath(request)) {
            return chain.filter(exchange);
        }
        String path = request.getPath().pathWithinApplication().value();
        for (RateLimitRule rule : rules) {
            if (SandboxPaths.isUnder(path, rule.prefix()) && rule.counts().test(SandboxPaths.within(path, rule.prefix()))) {
                Optional<Throttled> refused = rule.window().admit(rule.credential().apply(request));
                if (refused.isPresent()) {
                    return rule.answer().refuse(exchange, refused.get());
                }
            }
        }
        return chain.filter(exchange);
    }
}
