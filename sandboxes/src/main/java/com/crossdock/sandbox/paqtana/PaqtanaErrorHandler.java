package com.crossdock.sandbox.paqtana;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns a {@link PaqtanaException} into Paqtana's own error body (see there for the shape's source). */
@RestControllerAdvice(assignableTypes = PaqtanaApiController.class)
class PaqtanaErrorHandler {

    @ExceptionHandler(PaqtanaException.class)
    ResponseEntity<PaqtanaResponse> paqtanaError(PaqtanaException e) {
        return ResponseEntity.status(e.status()).body(PaqtanaResponse.refused(e.operation(), e.getMessage(), e.field(), e.row()));
    }
}
