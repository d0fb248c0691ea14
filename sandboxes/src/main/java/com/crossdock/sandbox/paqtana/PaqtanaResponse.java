package com.crossdock.sandbox.paqtana;

import java.util.LinkedHashMap;
import java.util.Map;

import com.crossdock.sandbox.JsonAnswer;
import com.crossdock.sandbox.VendorError;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Paqtana's answer envelope {@code {operation_type, operation_info}}: errors carry
 * {@code operation_info.validation_error}. The sandbox answers successes in the same envelope (the
 * document shows no success body; a guess that clients only check the status).
 */
record PaqtanaResponse(@JsonProperty("operation_type") String operationType,
                       @JsonProperty("operation_info") Map<String, Object> operationInfo) {

    static PaqtanaResponse accepted(String operation, int rows, Map<String, Object> extra) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file_type", operation);
        info.put("rows", rows);
        info.putAll(extra);
        return new PaqtanaResponse(operation, info);
    }

    /** A refusal: {@code operation_info.validation_error} and {@code file_type}, plus the sandbox's {@code field}/{@code row} when known. */
    static PaqtanaResponse refused(String operation, String message, String field, Integer row) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("validation_error", message);
        info.put("file_type", operation);
        if (field != null) {
            info.put("field", field);
        }
        if (row != null) {
            info.put("row", row);
        }
        return new PaqtanaResponse(operation, info);
    }

    /**
     * Writes a kit gate's refusal as Paqtana's error body; the operation is the call's last path segment
     * ({@code master_inventory}, {@code historical_demand}, {@code workspaces}), as the API controller names it.
     */
    static Mono<Void> writeRefusal(ServerWebExchange exchange, VendorError error) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String operation = path.substring(path.lastIndexOf('/') + 1);
        return JsonAnswer.write(exchange, error.status(), refused(operation, error.message(), null, null));
    }
}
