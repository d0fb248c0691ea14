package com.crossdock.sandbox.auth;

import java.util.List;
import java.util.Optional;

import com.crossdock.sandbox.SandboxPaths;
import com.crossdock.sandbox.VendorError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies every vendor's {@link VendorAuth} to the requests under its prefix, answering a refusal in the vendor's
 * own error shape. Runs after the rate limits, so a call with a bad credential still spends the vendor's budget.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class AuthFilter implements WebFilter {

    private final List<VendorAuth> vendors;

    public AuthFilter(List<VendorAuth> vendors) {
        this.vendors = List.copyOf(vendors);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (vendors.isEmpty() || !SandboxPaths.isVendorPath(request)) {
            return chain.filter(exchange);
        }
        String path = request.getPath().pathWithinApplication().value();
        for (VendorAuth vendor : vendors) {
            if (SandboxPaths.isUnder(path, vendor.prefix())) {
                Optional<VendorError> refused = vendor.check(SandboxPaths.within(path, vendor.prefix()), request);
                if (refused.isPresent()) {
                    return vendor.errors().write(exchange, refused.get());
                }
            }
        }
        return chain.filter(exchange);
    }
}
