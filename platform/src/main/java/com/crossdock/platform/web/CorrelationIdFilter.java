package com.crossdock.platform.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Every request gets a correlation id: the caller's {@code X-Correlation-Id} when it is a sane token, a new
 * UUID otherwise. It is echoed in the response, kept as an exchange attribute for handlers, and carried on
 * every event the request causes. It is also in the logging context ({@code correlationId} in MDC) of every log
 * line on the request's path: it rides in the Reactor context, which Reactor's automatic context propagation
 * ({@code spring.reactor.context-propagation=auto}, the platform's default) copies into MDC on whichever thread the
 * request's pipeline runs (docs/tracing.md).
 */
public final class CorrelationIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";
    /** The key of the correlation id in the logging context, on the request and the listener paths alike. */
    public static final String MDC_KEY = "correlationId";

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(MDC_KEY,
                () -> MDC.get(MDC_KEY), id -> MDC.put(MDC_KEY, id), () -> MDC.remove(MDC_KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = SaneIds.isSane(given) ? given : newId();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange).contextWrite(Context.of(MDC_KEY, id));
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: a correlation id names a request, it guards nothing, so
     * it needs no {@code SecureRandom} (which {@link UUID#randomUUID()} takes, shared by every event loop).
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String of(ServerWebExchange exchange) {
        return exchange.getRequiredAttribute(ATTRIBUTE);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
