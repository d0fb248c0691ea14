package com.crossdock.sandbox.fault;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.crossdock.sandbox.SandboxPaths;
import io.netty.channel.ChannelOption;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.NettyInbound;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes every vendor fake fail on demand (DESIGN.md "Local stack contract": errors, latency, 429), keyed
 * by path prefix so that each new vendor sandbox gets it without code of its own. Runs just inside the
 * received-log filter, so faulted requests are logged too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class FaultInjectionFilter implements WebFilter {

    /** Exchange attribute set on a request that was answered by an injected fault. */
    public static final String FAULTED_ATTRIBUTE = FaultInjectionFilter.class.getName() + ".faulted";

    private final FaultRegistry registry;
    private final JsonMapper jsonMapper;

    FaultInjectionFilter(FaultRegistry registry, JsonMapper jsonMapper) {
        this.registry = registry;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!SandboxPaths.isVendorPath(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return registry.take(exchange.getRequest().getMethod().name(), path)
                .map(fault -> fault.servesFirst() ? chain.filter(exchange.mutate()
                                .response(new AfterServing(exchange, fault)).build())
                        : delay(fault).then(Mono.defer(() -> fault.status() == null
                                ? chain.filter(exchange)
                                : answer(exchange, fault))))
                .orElseGet(() -> chain.filter(exchange));
    }

    /**
     * The fake's answer, held back: the request was served (a change feed has removed what it answers), and the
     * fault decides what the client gets: the answer late, or the fault's status instead of it.
     */
    private final class AfterServing extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final FaultSpec fault;
        /** The fault has been applied: the answer is on its way (a completion after it is the answer's own). */
        private final AtomicBoolean applied = new AtomicBoolean();

        AfterServing(ServerWebExchange exchange, FaultSpec fault) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.fault = fault;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (!applied.compareAndSet(false, true)) {
                return super.writeWith(body);
            }
            if (fault.resets()) {
                return Flux.from(body).doOnNext(DataBufferUtils::release).then(delay(fault))
                        .then(Mono.fromRunnable(() -> reset(exchange)));
            }
            if (fault.status() == null) {
                return delay(fault).then(super.writeWith(body));
            }
            // the fake's answer is dropped: the client sees the fault's
            return Flux.from(body).doOnNext(DataBufferUtils::release).then(delay(fault))
                    .then(Mono.defer(() -> answer(exchange, fault)));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).flatMap(Flux::from));
        }

        @Override
        public Mono<Void> setComplete() {
            if (!applied.compareAndSet(false, true)) {
                return fault.status() == null && !fault.resets() ? super.setComplete() : Mono.empty();
            }
            if (fault.resets()) {
                return delay(fault).then(Mono.fromRunnable(() -> reset(exchange)));
            }
            return fault.status() == null ? delay(fault).then(super.setComplete())
                    : delay(fault).then(Mono.defer(() -> answer(exchange, fault)));
        }
    }

    /**
     * Resets the request's TCP connection: SO_LINGER 0, then close, so the client reads a RST (connection reset by
     * peer) instead of an answer. The request was served already; the answer never leaves.
     */
    private static void reset(ServerWebExchange exchange) {
        exchange.getAttributes().put(FAULTED_ATTRIBUTE, Boolean.TRUE);
        Object running = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (!(running instanceof NettyInbound inbound)) {
            throw new IllegalStateException("a reset needs Reactor Netty's request, not " + running.getClass());
        }
        inbound.withConnection(connection -> {
            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            connection.channel().close();
        });
    }

    private static Mono<Void> delay(FaultSpec fault) {
        return fault.latency() > 0 ? Mono.delay(Duration.ofMillis(fault.latency())).then() : Mono.empty();
    }

    private Mono<Void> answer(ServerWebExchange exchange, FaultSpec fault) {
        exchange.getAttributes().put(FAULTED_ATTRIBUTE, Boolean.TRUE);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(fault.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (fault.retryAfterSeconds() != null) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfterSeconds()));
        }
        Object body = fault.hasBody() ? fault.body()
                : Map.of("sandbox_fault", "injected by the sandbox", "status", fault.status());
        byte[] bytes = jsonMapper.writeValueAsBytes(body);
        // after serving, the fake's encoder has set the length of its own answer
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
