package com.crossdock.sandbox;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a JSON answer from a web filter, where no message writer is at hand (faults, gates, limits). */
public final class JsonAnswer {

    private JsonAnswer() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, Object body) {
        return write(exchange, status, MediaType.APPLICATION_JSON, body);
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, MediaType type, Object body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(type);
        DataBuffer buffer = response.bufferFactory().wrap(JsonMapper.shared().writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }
}
