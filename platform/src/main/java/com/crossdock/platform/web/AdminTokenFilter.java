package com.crossdock.platform.web;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards every route under {@code /admin/} of a service: a caller must present {@code crossdock.admin.token} as a
 * bearer token, compared in constant time (the operator's API does the same). Wrong or missing: 401 with
 * {@code WWW-Authenticate: Bearer}; no token configured: 403, the admin routes are off. Both answers are
 * {@code application/problem+json} and never echo what the caller sent.
 */
public final class AdminTokenFilter implements WebFilter, Ordered {

    /** The path prefix of every admin route. */
    public static final String PREFIX = "/admin/";

    private static final Logger log = LoggerFactory.getLogger(AdminTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final AdminProperties properties;

    public AdminTokenFilter(AdminProperties properties) {
        this.properties = properties;
        if (!properties.enabled()) {
            log.info("No crossdock.admin.token: the admin routes ({}...) answer 403", PREFIX);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PREFIX)) {
            return chain.filter(exchange);
        }
        if (!properties.enabled()) {
            return refuse(exchange, HttpStatus.FORBIDDEN, "admin-disabled",
                    "the admin routes are off: set crossdock.admin.token (CROSSDOCK_ADMIN_TOKEN) to use them");
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        // constant-time: the comparison must not tell a caller how much of the token was right
        if (header == null || !header.startsWith(BEARER) || !properties.token().matches(header.substring(BEARER.length()))) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return refuse(exchange, HttpStatus.UNAUTHORIZED, "admin-unauthorized",
                    "missing or wrong bearer token (Authorization: Bearer <crossdock.admin.token>)");
        }
        return chain.filter(exchange);
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // type, title and detail are this class's constants (no JSON escaping needed); nothing the caller sent is echoed
        String body = "{\"type\":\"" + Problems.TYPE_BASE + type + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    @Override
    public int getOrder() {
        // right after the correlation id, before anything that does work for the request
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
