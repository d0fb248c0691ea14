package com.crossdock.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;

/** The caller's trace and correlation id, as the raw record and the intake's log lines get them (issue 15). */
class WebhookCallerTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void aValidTraceparentIsTheCallersTraceAndIsKeptWithItsTracestate() {
        HttpHeaders request = new HttpHeaders();
        request.set("traceparent", TRACEPARENT);
        request.set("tracestate", "vendor=abc");

        WebhookCaller caller = WebhookCaller.of("corr-1", request);

        assertThat(caller.traceId()).isEqualTo(TRACE_ID);
        assertThat(caller.traceHeaders()).containsExactly("traceparent", "tracestate");
    }

    @Test
    void anInvalidOrMissingTraceparentIsNoTraceAndIsNotKept() {
        HttpHeaders invalid = new HttpHeaders();
        invalid.set("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"); // all-zero trace id
        HttpHeaders garbage = new HttpHeaders();
        garbage.set("traceparent", "not a traceparent");

        for (HttpHeaders request : new HttpHeaders[] {invalid, garbage, new HttpHeaders()}) {
            WebhookCaller caller = WebhookCaller.of("corr-1", request);
            assertThat(caller.traceId()).isNull();
            assertThat(caller.traceHeaders()).isEmpty();
        }
    }

    @Test
    void eachLogLineHasTheCallersIdsAndTheThreadGetsItsOwnBack() {
        HttpHeaders request = new HttpHeaders();
        request.set("traceparent", TRACEPARENT);
        MDC.put("correlationId", "someone-else");
        MDC.put("spanId", "abc");
        Map<String, String> during = new HashMap<>();

        WebhookCaller.of("corr-1", request).log(() -> during.putAll(MDC.getCopyOfContextMap()));

        assertThat(during).containsEntry("correlationId", "corr-1").containsEntry("traceId", TRACE_ID)
                .doesNotContainKey("spanId");
        assertThat(MDC.getCopyOfContextMap()).containsEntry("correlationId", "someone-else").containsEntry("spanId", "abc")
                .doesNotContainKey("traceId");
    }
}
