package com.crossdock.sandbox.paqtana;

import org.springframework.http.HttpStatus;

/**
 * A request Paqtana refuses. Answered with Paqtana's error body
 * {@code {operation_type, operation_info:{validation_error, file_type, ...}}} (shape seen in public client
 * code that reads {@code operation_type}, {@code operation_info.validation_error} and
 * {@code operation_info.file_type}; the vendor document does not show it).
 */
class PaqtanaException extends RuntimeException {

    private final HttpStatus status;
    private final String operation;
    private final String field;
    private final Integer row;

    PaqtanaException(HttpStatus status, String operation, String message, String field, Integer row) {
        super(message);
        this.status = status;
        this.operation = operation;
        this.field = field;
        this.row = row;
    }

    static PaqtanaException invalid(String operation, String field, Integer row, String message) {
        return new PaqtanaException(HttpStatus.BAD_REQUEST, operation, message, field, row);
    }

    HttpStatus status() {
        return status;
    }

    String operation() {
        return operation;
    }

    String field() {
        return field;
    }

    Integer row() {
        return row;
    }
}
