package com.crossdock.ingress.webhook;

import java.util.List;

import com.crossdock.platform.web.CorrelationIdFilter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;

/**
 * Who sent a webhook, as its log lines and its raw record tell it: the request's correlation id and, when the request
 * came with a valid W3C {@code traceparent}, that trace (docs/tracing.md).
 * <p>
 * The webhook paths are not observed (issue 15: a server observation per webhook, with the automatic context
 * propagation its scopes need, cost as much as the rest of the intake), so nothing puts the trace or the correlation id
 * in the logging context on their way: {@link #log} does, around each of the intake's log lines, and the raw record
 * keeps the caller's {@code traceparent} and {@code tracestate} as they came ({@link #traceHeaders}), so the mapper
 * stage's listener continues the caller's trace. A webhook without one gets its trace at the mapper stage.
 */
record WebhookCaller(String correlationId, String traceId, List<String> traceHeaders) {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";
    /** W3C Trace Context's headers, kept on the raw record when the traceparent is valid. */
    static final List<String> TRACE_CONTEXT = List.of("traceparent", "tracestate");

    private static final TextMapGetter<HttpHeaders> REQUEST = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpHeaders headers) {
            return headers.headerNames();
        }

        @Override
        public String get(HttpHeaders headers, String name) {
            return headers == null ? null : headers.getFirst(name);
        }
    };

    static WebhookCaller of(String correlationId, HttpHeaders request) {
        if (request.getFirst(TRACE_CONTEXT.get(0)) == null) {
            return new WebhookCaller(correlationId, null, List.of());
        }
        SpanContext trace = Span.fromContext(W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), request, REQUEST)).getSpanContext();
        return trace.isValid() ? new WebhookCaller(correlationId, trace.getTraceId(), TRACE_CONTEXT)
                : new WebhookCaller(correlationId, null, List.of());
    }

    /**
     * Writes a log line with this caller's correlation id and trace id in the logging context (and no span id: the
     * intake opens no span), then puts back what the thread had.
     */
    void log(Runnable line) {
        String correlation = MDC.get(CorrelationIdFilter.MDC_KEY);
        String trace = MDC.get(TRACE_ID);
        String span = MDC.get(SPAN_ID);
        MDC.put(CorrelationIdFilter.MDC_KEY, correlationId);
        put(TRACE_ID, traceId);
        MDC.remove(SPAN_ID);
        try {
            line.run();
        } finally {
            put(CorrelationIdFilter.MDC_KEY, correlation);
            put(TRACE_ID, trace);
            put(SPAN_ID, span);
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
