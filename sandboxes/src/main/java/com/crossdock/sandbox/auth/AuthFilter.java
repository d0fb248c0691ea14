package com.crossdock.sandbox.auth;

import java.util.List;
import java.util.Optional;

import com.crossdock.sandbox.VendorPrefixFilter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies every vendor's {@link VendorAuth} to the requests under its prefix, answering a refusal in the vendor's
 * own error shape. Runs after the rate limits, so a call with a bad credential still spends the vendor's budget.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class AuthFilter extends VendorPrefixFilter<VendorAuth> {

    public AuthFilter(List<VendorAuth> vendors) {
        super(vendors);
    }

    @Override
    protected String prefix(VendorAuth vendor) {
        return vendor.prefix();
    }

    @Override
    protected Optional<Mono<Void>> answer(VendorAuth vendor, String path, ServerWebExchange exchange) {
        return vendor.check(path, exchange.getRequest()).map(refusal -> vendor.errors().write(exchange, refusal));
    }
}
