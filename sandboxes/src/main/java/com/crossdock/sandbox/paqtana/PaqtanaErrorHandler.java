package com.crossdock.sandbox.paqtana;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns a {@link PaqtanaException} into Paqtana's own error body (see there for the shape's source). */
@RestControllerAdvice(assignableTypes = PaqtanaApiController.class)
class PaqtanaErrorHandler {

    @ExceptionHandler(PaqtanaException.class)
    ResponseEntity<PaqtanaResponse> paqtanaError(PaqtanaException e) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("validation_error", e.getMessage());
        info.put("file_type", e.operation());
        if (e.field() != null) {
            info.put("field", e.field());
        }
        if (e.row() != null) {
            info.put("row", e.row());
        }
        return ResponseEntity.status(e.status()).body(new PaqtanaResponse(e.operation(), info));
    }
}
