package com.crossdock.sandbox.received;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.crossdock.sandbox.SandboxPaths;
import com.crossdock.sandbox.fault.FaultInjectionFilter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Logs every request to a vendor fake with the status it was finally answered (recorded when the
 * response commits, so error answers and injected faults are logged with their real status).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RecordingFilter implements WebFilter {

    private final ReceivedLog log;
    private final Clock clock = Clock.systemUTC();

    RecordingFilter(ReceivedLog log) {
        this.log = log;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!SandboxPaths.isVendorPath(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Instant receivedAt = clock.instant();
        AtomicLong bytesRead = new AtomicLong();
        ServerHttpRequest counting = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> bytesRead.addAndGet(buffer.readableByteCount()));
            }
        };
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(
                () -> log.record(entry(exchange, receivedAt, bytesRead.get()))));
        return chain.filter(exchange.mutate().request(counting).build());
    }

    private ReceivedRequest entry(ServerWebExchange exchange, Instant receivedAt, long bytesRead) {
        ServerHttpRequest request = exchange.getRequest();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long contentLength = request.getHeaders().getContentLength();
        return new ReceivedRequest(
                request.getMethod().name(),
                request.getPath().pathWithinApplication().value(),
                request.getURI().getRawQuery(),
                status == null ? 200 : status.value(),
                contentLength >= 0 ? contentLength : bytesRead,
                receivedAt,
                Duration.between(receivedAt, clock.instant()).toMillis(),
                Boolean.TRUE.equals(exchange.getAttribute(FaultInjectionFilter.FAULTED_ATTRIBUTE)),
                request.getHeaders().getFirst("traceparent"));
    }
}
