package com.crossdock.platform.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders Spring's own exceptions (415, 413, 400 on unreadable input, ...) and {@link Problems} as
 * {@code application/problem+json}, as Spring Boot's problem-details handler does, for every service.
 */
@ControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {
}
