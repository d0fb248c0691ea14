package com.crossdock.sandbox.limit;

import java.util.List;
import java.util.Optional;

import com.crossdock.sandbox.VendorPrefixFilter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies every vendor's {@link RateLimitRule}. Runs after fault injection (an injected fault costs no budget)
 * and before the auth gates (a refused credential still spends the vendor's budget, as at Prodsmart, where
 * every call counts, authorization included).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RateLimitFilter extends VendorPrefixFilter<RateLimitRule> {

    public RateLimitFilter(List<RateLimitRule> rules) {
        super(rules);
    }

    @Override
    protected String prefix(RateLimitRule rule) {
        return rule.prefix();
    }

    @Override
    protected Optional<Mono<Void>> answer(RateLimitRule rule, String path, ServerWebExchange exchange) {
        if (!rule.counts().test(path)) {
            return Optional.empty();
        }
        return rule.window().admit(rule.credential().apply(exchange.getRequest()))
                .map(throttled -> rule.answer().refuse(exchange, throttled));
    }
}
