package com.crossdock.sandbox.prodsmart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every call under {@code /prodsmart/api/} counts against the company's limit, authorization included
 * ("Liczba żądań interfejsu API jest ograniczona do 120 żądań na minutę na firmę"); past it, 429 with
 * {@code Retry-After: <delay-seconds>}. Runs after fault injection, so an injected fault costs no budget.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ProdsmartRateLimitFilter implements WebFilter {

    static final String API_PREFIX = "/prodsmart/api/";

    private final ProdsmartRateLimit limit;

    ProdsmartRateLimitFilter(ProdsmartRateLimit limit) {
        this.limit = limit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(API_PREFIX)) {
            return chain.filter(exchange);
        }
        Optional<Duration> wait = limit.admit();
        if (wait.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        // whole seconds, rounded up: waiting the rounded-down value would be refused again
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = ("{\"error\":\"Too Many Requests\",\"limit\":" + limit.limit() + "}")
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
