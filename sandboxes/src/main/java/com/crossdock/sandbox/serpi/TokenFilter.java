package com.crossdock.sandbox.serpi;

import java.util.List;

import com.crossdock.sandbox.JsonAnswer;
import com.crossdock.sandbox.SandboxPaths;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.Connection;

/**
 * A request to SERPI's API takes its token the moment it arrives, before its body is read (just inside the kit's
 * gates: {@code secretkey} and the Bearer token are checked first), and holds it for SERPI's whole work on it: the
 * token is busy until the answer's last byte is written ({@link TokenInUse}). A request arriving while its token
 * is in use is refused in SERPI's envelope (503) and counted. The controller finds the request's
 * {@link TokenInUse.Use} in the exchange ({@link #USE}).
 */
@Component
class TokenFilter implements WebFilter, Ordered {

    static final String USE = TokenFilter.class.getName() + ".use";
    private static final String API = "/" + SerpiSandboxConfiguration.PREFIX + "/api/";
    private static final String BEARER = "Bearer ";

    private final TokenInUse tokens;

    TokenFilter(TokenInUse tokens) {
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        // after the recording (HIGHEST_PRECEDENCE), the faults (+10), the limits (+20) and the gates (+30)
        return Ordered.HIGHEST_PRECEDENCE + 40;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (!path.startsWith(API) || !SandboxPaths.isVendorPath(exchange.getRequest()) || authorization == null
                || !authorization.startsWith(BEARER)) {
            return chain.filter(exchange);
        }
        return tokens.arrive(authorization.substring(BEARER.length()))
                .map(use -> {
                    exchange.getAttributes().put(USE, use);
                    // the exchange's end is not the answer's: its write may still be under way (a large answer, a
                    // slow reader); Reactor Netty terminates the request's operations once the answer's last byte is
                    // written
                    Connection connection = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse())
                            instanceof Connection netty ? netty : null;
                    if (connection != null) {
                        connection.onTerminate().doFinally(signal -> use.done()).subscribe();
                    }
                    return chain.filter(exchange).doFinally(signal -> {
                        if (signal == SignalType.CANCEL || connection == null) {
                            use.done();
                        } else {
                            use.free();
                        }
                    });
                })
                .orElseGet(() -> JsonAnswer.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                        SerpiApiController.body(false, 503,
                                List.of("un mismo token no puede ser consumido de manera simultanea"),
                                "El token esta en uso por otra solicitud", null)));
    }
}
