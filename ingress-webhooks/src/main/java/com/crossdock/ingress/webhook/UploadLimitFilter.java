package com.crossdock.ingress.webhook;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds the webhook bodies being read at once ({@code crossdock.ingress.max-concurrent-uploads}): a body holds up to
 * {@code max-body-bytes} of memory while it arrives, so N slow clients would otherwise hold N bodies. One upload past
 * the bound is answered 503 with {@code Retry-After} at once, before its body is read; a provider retries it (a
 * webhook not answered 2xx was not taken). The slot is held while the body is read, not while Kafka acknowledges it.
 */
final class UploadLimitFilter implements WebFilter, Ordered {

    /** The gauge of bodies being read now. */
    static final String IN_FLIGHT = "crossdock.ingress.uploads.in_flight";
    /** The counter of uploads refused because as many were being read already. */
    static final String REFUSED = "crossdock.ingress.uploads.refused";
    static final String RETRY_AFTER_SECONDS = "5";
    private static final String PREFIX = "/webhooks/";

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter refused;

    UploadLimitFilter(int limit, MeterRegistry registry) {
        this.limit = limit;
        Gauge.builder(IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("webhook bodies being read now (at most crossdock.ingress.max-concurrent-uploads)")
                .register(registry);
        this.refused = Counter.builder(REFUSED)
                .description("webhooks answered 503 because max-concurrent-uploads bodies were being read")
                .register(registry);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PREFIX)) {
            return chain.filter(exchange);
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            refused.increment();
            return refuse(exchange.getResponse());
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
        ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                // the body is read whole (or refused, or abandoned): its memory is no longer held for this upload
                return super.getBody().doFinally(signal -> release.run());
            }
        };
        return chain.filter(exchange.mutate().request(request).build()).doFinally(signal -> release.run());
    }

    int inFlight() {
        return inFlight.get();
    }

    private static Mono<Void> refuse(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // a constant: nothing the caller sent is echoed
        String body = "{\"type\":\"https://crossdock.dev/problems/webhook-uploads-full\",\"title\":\"Service Unavailable\","
                + "\"status\":503,\"detail\":\"too many webhooks are being uploaded at once; retry after "
                + RETRY_AFTER_SECONDS + " s\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public int getOrder() {
        // after the correlation id and the admin guard, before anything reads the body
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
