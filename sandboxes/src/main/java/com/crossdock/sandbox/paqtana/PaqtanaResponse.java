package com.crossdock.sandbox.paqtana;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

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
}
