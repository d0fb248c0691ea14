package com.crossdock.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes a {@link VendorError} as one vendor answers errors: each vendor sandbox brings a small writer (Paqtana's
 * {@code {operation_type, operation_info}}, SERPI's {@code {success:false, ...}}), so a refusal by a kit gate
 * looks exactly like a refusal by the vendor's own code.
 */
@FunctionalInterface
public interface VendorErrorWriter {

    Mono<Void> write(ServerWebExchange exchange, VendorError error);

    /**
     * RFC 9457 {@code application/problem+json}, as Spring answers a {@code ResponseStatusException}: for a vendor
     * whose document shows no error body of its own (Prodsmart: "Używane są wspólne kody stanu odpowiedzi HTTP").
     */
    static VendorErrorWriter problemDetail() {
        return (exchange, error) -> {
            // the fields Spring's ProblemDetail carries, in its order (a Map: no Jackson mix-in needed here)
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", error.status().getReasonPhrase());
            problem.put("status", error.status().value());
            problem.put("detail", error.message());
            problem.put("instance", exchange.getRequest().getPath().pathWithinApplication().value());
            return JsonAnswer.write(exchange, error.status(), MediaType.APPLICATION_PROBLEM_JSON, problem);
        };
    }
}
