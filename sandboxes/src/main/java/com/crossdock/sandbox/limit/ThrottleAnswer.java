package com.crossdock.sandbox.limit;

import java.util.function.Function;

import com.crossdock.sandbox.JsonAnswer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * How a vendor answers a request past its limit, which vendors do differently: Prodsmart 429 with
 * {@code Retry-After: <delay-seconds>}, BaseLinker HTTP 200 with {@code {"status":"ERROR","error_code":
 * "ERROR_BLOCKED_TOKEN", ...}}.
 */
@FunctionalInterface
public interface ThrottleAnswer {

    Mono<Void> refuse(ServerWebExchange exchange, Throttled throttled);

    /** 429 Too Many Requests with {@code Retry-After} in whole seconds and the given JSON body. */
    static ThrottleAnswer tooManyRequests(Function<Throttled, Object> body) {
        return (exchange, throttled) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            return JsonAnswer.write(exchange, HttpStatus.TOO_MANY_REQUESTS, body.apply(throttled));
        };
    }

    /** HTTP 200 whose JSON body says the request failed (vendors that report every outcome in the body). */
    static ThrottleAnswer okWithBody(Function<Throttled, Object> body) {
        return (exchange, throttled) -> JsonAnswer.write(exchange, HttpStatus.OK, body.apply(throttled));
    }
}
